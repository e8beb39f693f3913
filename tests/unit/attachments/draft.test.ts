import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { restoreChosen } from '../../../src/lib/attachments/draft.ts';

const file = (name: string) => ({ id: randomUUID(), name, size: 2048, contentType: 'application/pdf' });

describe('restoreChosen', () => {
	it('gives back the files a draft kept, in their order', () => {
		const files = [file('avviso.pdf'), file('budget.xlsx')];
		expect(restoreChosen(JSON.stringify(files))).toEqual(files);
	});

	it('finds nothing in an empty, broken or foreign draft', () => {
		for (const draft of ['', '{', 'null', '"testo"', '{"id":1}']) expect(restoreChosen(draft), draft).toEqual([]);
	});

	it('drops entries that are not files, copies, extra fields and anything past ten', () => {
		const kept = file('verbale.pdf');
		const many = Array.from({ length: 12 }, (_, i) => file(`foglio ${i}.pdf`));
		const draft = [{ ...kept, folder: 'Bandi', html: '<b>' }, kept, { id: 'x', name: 'y', size: 1, contentType: 'z' }, { name: 'senza id' }, ...many];
		const restored = restoreChosen(JSON.stringify(draft));
		expect(restored[0]).toEqual(kept);
		expect(restored).toHaveLength(10);
		expect(restored.slice(1)).toEqual(many.slice(0, 9));
	});
});
