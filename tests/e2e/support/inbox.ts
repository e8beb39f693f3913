import { expect, type Page } from '@playwright/test';

// The notifications a person reads: the header's count and the inbox.

/** The header's link to the inbox: named "Notifiche", or "Notifiche, 3 non lette". */
export const notificationsLink = (page: Page) =>
	page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: /^Notifiche/ });

/**
 * The unread count the header's link announces, 0 when it announces none.
 * Poll it to wait for a notification to arrive without a reload:
 * `await expect.poll(() => unreadBadgeCount(page)).toBe(before + 1)`.
 */
export async function unreadBadgeCount(page: Page): Promise<number> {
	const snapshot = await notificationsLink(page).ariaSnapshot();
	return Number(/(\d+) non lett/.exec(snapshot)?.[1] ?? 0);
}

/** Opens the inbox from the header, as a person would; returns its notifications, newest first. */
export async function openInbox(page: Page) {
	await notificationsLink(page).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Notifiche' })).toBeVisible();
	return inboxItems(page);
}

/** The notifications the open inbox lists, newest first. */
export const inboxItems = (page: Page) =>
	page.getByRole('main').getByRole('listitem').filter({ has: page.locator('a[href^="/notifications/"]') });
