// An entry's contacts are free text ("tel. 0775 123456, sportello@comune.it");
// the panel shows the e-mail addresses and telephone numbers in it as links
// a phone can act on, and the rest as it was written.

export interface ContactPart {
	text: string;
	/** mailto: or tel:, when the part is an address or a number. */
	href?: string;
}

const EMAIL = String.raw`[^\s@,;:<>()]+@[^\s@,;:<>()]+\.[a-z]{2,}`;
// At least six digits, with the spaces, dots, slashes and dashes Italian numbers are written with.
const PHONE = String.raw`\+?\d[\d ./-]{4,}\d`;
const CONTACT = new RegExp(`(${EMAIL})|(${PHONE})`, 'gi');

export function contactParts(text: string): ContactPart[] {
	const parts: ContactPart[] = [];
	let at = 0;
	for (const match of text.matchAll(CONTACT)) {
		const [found, email] = match;
		if (match.index > at) parts.push({ text: text.slice(at, match.index) });
		parts.push({ text: found, href: email ? `mailto:${found}` : `tel:${found.replace(/[^\d+]/g, '')}` });
		at = match.index + found.length;
	}
	if (at < text.length) parts.push({ text: text.slice(at) });
	return parts;
}
