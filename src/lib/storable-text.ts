// Text Postgres can store. A text column refuses the NUL character (22021)
// and jsonb refuses both NUL and a lone UTF-16 surrogate (22P05); a lone
// surrogate also has no UTF-8 form, so it would be stored as something else
// than what was typed. Invalid UTF-8 never gets this far: decoding a body or
// a URL turns it into U+FFFD, which is storable.

const UNSTORABLE = /\u0000|\p{Cs}/gu;

/** Whether Postgres can store this text exactly as it is. */
export function isStorable(text: string): boolean {
	return text.isWellFormed() && !text.includes('\u0000');
}

/** The text without what Postgres cannot store: for a search box, where refusing makes no sense. */
export function storable(text: string): string {
	return isStorable(text) ? text : text.replace(UNSTORABLE, '');
}
