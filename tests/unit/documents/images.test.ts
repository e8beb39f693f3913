import { describe, expect, it } from 'vitest';
import { altFromName, fileIdOfSrc, imageElement, imageFileId, imageFileIds, imageSrc } from '../../../src/lib/documents/images.ts';
import { doc, img, li, p, row, table, td, ul } from './factories.ts';

const FILE = '0b7c3f4e-9a1d-4c2e-8f5a-6d3b2a1c0e9f';
const OTHER = '5e2d1c0b-8a9f-4e7d-9c6b-1a2b3c4d5e6f';

describe('fileIdOfSrc', () => {
	it('accepts this site’s inline address of a file, in any case, and names the file in lower case', () => {
		expect(fileIdOfSrc(`/api/files/${FILE}?inline=1`)).toBe(FILE);
		expect(fileIdOfSrc(`/api/files/${FILE.toUpperCase()}?inline=1`)).toBe(FILE);
		expect(imageSrc(FILE)).toBe(`/api/files/${FILE}?inline=1`);
	});

	it('accepts the full address only on the site the editor runs on', () => {
		const full = `https://trama.example.org/api/files/${FILE}?inline=1`;
		expect(fileIdOfSrc(full, 'https://trama.example.org')).toBe(FILE);
		expect(fileIdOfSrc(full)).toBeNull();
		expect(fileIdOfSrc(full, 'https://trama.example.org:8443')).toBeNull();
	});

	it.each([
		['another site', `https://evil.example/api/files/${FILE}?inline=1`],
		['another site, protocol-relative', `//evil.example/api/files/${FILE}?inline=1`],
		['another site, behind a backslash', `/\\evil.example/api/files/${FILE}?inline=1`],
		['another site, behind a tab the parser drops', `/\t/evil.example/api/files/${FILE}?inline=1`],
		['a picture on the web', 'https://upload.wikimedia.org/logo.png'],
		['plain http', 'http://192.168.1.1/camera.jpg'],
		['a data: URL', 'data:image/png;base64,iVBORw0KGgo='],
		['an SVG data: URL', 'data:image/svg+xml,<svg onload="alert(1)"/>'],
		['javascript:', 'javascript:alert(document.cookie)'],
		['javascript: in disguise', ' JaVa\nScRiPt:alert(1)'],
		['a blob', 'blob:https://trama.example.org/1234'],
		['a file: path', 'file:///etc/passwd'],
		['the download, not the inline address', `/api/files/${FILE}`],
		['a version of the file', `/api/files/${FILE}?version=${OTHER}&inline=1`],
		['extra parameters', `/api/files/${FILE}?inline=1&x=1`],
		['a fragment', `/api/files/${FILE}?inline=1#x`],
		['a path climbing out', `/api/files/../../admin?inline=1`],
		['an encoded slash', `/api/files/${FILE}%2F..?inline=1`],
		['an id that is not a UUID', '/api/files/12345?inline=1'],
		['another endpoint', `/api/networks/${FILE}/files?inline=1`],
		['nothing', ''],
		['a number', 42],
		['null', null],
		['an object', { toString: () => `/api/files/${FILE}?inline=1` }]
	])('refuses %s', (_, src) => {
		expect(fileIdOfSrc(src)).toBeNull();
	});
});

describe('imageFileId', () => {
	it('takes the file from the address, with or without a matching fileId', () => {
		expect(imageFileId({ src: imageSrc(FILE), fileId: FILE })).toBe(FILE);
		expect(imageFileId({ src: imageSrc(FILE), fileId: FILE.toUpperCase() })).toBe(FILE);
		expect(imageFileId({ src: imageSrc(FILE), fileId: null })).toBe(FILE);
	});

	it('refuses an update that points the address and the fileId at different files', () => {
		expect(imageFileId({ src: imageSrc(FILE), fileId: OTHER })).toBeNull();
		expect(imageFileId({ src: imageSrc(FILE), fileId: 7 })).toBeNull();
		expect(imageFileId({ src: 'https://evil.example/x.png', fileId: FILE })).toBeNull();
		expect(imageFileId(undefined)).toBeNull();
	});
});

describe('imageElement', () => {
	it('shows an allowed image from its canonical address, with its alt text on one line and its title', () => {
		expect(imageElement(img(FILE, 'Lavagna del\n tavolo', { title: 'Marzo' }))).toEqual({
			src: imageSrc(FILE),
			alt: 'Lavagna del tavolo',
			title: 'Marzo'
		});
	});

	it('strips a refused address and keeps the alt text, so nothing is fetched', () => {
		expect(imageElement(img(FILE, 'Foto', { src: 'https://evil.example/track.gif' }))).toEqual({ alt: 'Foto' });
		expect(imageElement({ attrs: { src: 'javascript:alert(1)', alt: 42 } })).toEqual({ alt: '' });
	});
});

describe('imageFileIds', () => {
	it('lists each allowed image once, in document order, wherever it sits', () => {
		const json = doc(
			img(OTHER, 'b'),
			ul(li(p('x'), img(FILE, 'a'))),
			table(row(td('c'))),
			img(OTHER, 'b again'),
			img(FILE, 'refused', { src: 'https://evil.example/a.png' })
		);
		expect(imageFileIds(json)).toEqual([OTHER, FILE]);
	});
});

describe('altFromName', () => {
	it('offers the file’s name without its extension, underscores read as spaces', () => {
		expect(altFromName('lavagna_tavolo_12_marzo.JPG')).toBe('lavagna tavolo 12 marzo');
		expect(altFromName('Mappa dei servizi.png')).toBe('Mappa dei servizi');
		expect(altFromName('Verbale del 3. seduta')).toBe('Verbale del 3. seduta');
	});

	it('keeps the whole name when nothing would be left without the extension', () => {
		expect(altFromName('.png')).toBe('.png');
		expect(altFromName('___.gif')).toBe('___.gif');
	});
});
