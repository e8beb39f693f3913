// Presence colours, worked out the same way by the collab server (which
// stamps them on awareness entries) and the page (which shows "you").
// Each colour keeps white text at a contrast of at least 4.5:1 (WCAG AA).
const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7e22ce', '#b45309', '#0e7490', '#be185d', '#4d7c0f', '#9f1239', '#4338ca'];

export interface Presence {
	id: string;
	name: string;
	color: string;
}

export function presenceColor(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return PALETTE[hash % PALETTE.length];
}

export function presenceOf(user: { id: string; name: string }): Presence {
	return { id: user.id, name: user.name, color: presenceColor(user.id) };
}
