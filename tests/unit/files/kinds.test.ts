import { describe, expect, it } from 'vitest';
import { fileKind, previewOf } from '../../../src/lib/files/kinds.ts';

describe('file kinds', () => {
	it.each([
		['image/png', 'image'],
		['image/svg+xml', 'image'],
		['image/heic', 'image'],
		['application/pdf', 'pdf'],
		['application/msword', 'document'],
		['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'document'],
		['application/vnd.oasis.opendocument.text', 'document'],
		['application/rtf', 'document'],
		['application/epub+zip', 'document'],
		['application/vnd.ms-excel', 'spreadsheet'],
		['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'spreadsheet'],
		['application/vnd.oasis.opendocument.spreadsheet', 'spreadsheet'],
		['text/csv', 'spreadsheet'],
		['text/tab-separated-values', 'spreadsheet'],
		['application/vnd.ms-powerpoint', 'presentation'],
		['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'presentation'],
		['application/vnd.oasis.opendocument.presentation', 'presentation'],
		['application/zip', 'archive'],
		['application/x-7z-compressed', 'archive'],
		['application/gzip', 'archive'],
		['application/vnd.rar', 'archive'],
		['text/plain', 'text'],
		['text/markdown', 'text'],
		['text/html', 'text'],
		['application/json', 'text'],
		['application/xml', 'text'],
		['audio/mpeg', 'audio'],
		['audio/ogg', 'audio'],
		['video/mp4', 'video'],
		['video/webm', 'video'],
		['application/octet-stream', 'other'],
		['application/x-ole-storage', 'other'],
		['', 'other'],
		['nonsense', 'other']
	])('of %j is %j', (contentType, kind) => {
		expect(fileKind(contentType)).toBe(kind);
	});

	it('ignores parameters and case', () => {
		expect(fileKind('Text/CSV; charset=utf-8; header=present')).toBe('spreadsheet');
		expect(fileKind(' APPLICATION/PDF ')).toBe('pdf');
	});
});

describe('previews', () => {
	it.each([
		['image/png', 'image'],
		['image/jpeg', 'image'],
		['image/gif', 'image'],
		['image/webp', 'image'],
		['image/avif', 'image'],
		['image/bmp', 'image'],
		['application/pdf', 'pdf'],
		['IMAGE/PNG; x=y', 'image']
	])('shows %j in place as %j', (contentType, preview) => {
		expect(previewOf(contentType)).toBe(preview);
	});

	it.each([
		'image/svg+xml',
		'text/html',
		'application/xhtml+xml',
		'application/xml',
		'text/xml',
		'text/plain',
		'text/javascript',
		'image/x-icon',
		'image/tiff',
		'image/heic',
		'video/mp4',
		'application/octet-stream',
		'image/png+xml',
		'image/png, text/html',
		''
	])('never shows %j in place', (contentType) => {
		expect(previewOf(contentType)).toBeNull();
	});
});
