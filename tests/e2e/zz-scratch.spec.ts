import { test, expect } from '@playwright/test';
import { signIn, DEMO_PEOPLE } from './support/demo.ts';
import { newMap, openEntries } from './support/map.ts';
import { entry, putMapEntries } from './support/map-entries.ts';

test('scratch: widest', async ({ browser }) => {
	const { page } = await signIn(browser, DEMO_PEOPLE.marco.email);
	const path = await newMap(page, 'Mappa di prova');
	await page.goto(path);
	await putMapEntries(page, path, [entry({ name: 'Sportello A con un nome lungo lungo', targets: ['neet'] }), entry({ name: 'Bisogno B', category: 'need' })]);
	await openEntries(page, path, '?view=table');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.waitForTimeout(500);
	console.log(await page.evaluate(() => document.documentElement.scrollWidth));
	console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 370 && !e.closest('.scroll')).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join('\n')));
	await page.reload();
	await page.waitForTimeout(1500);
	console.log('after reload', await page.evaluate(() => document.documentElement.scrollWidth));
});
