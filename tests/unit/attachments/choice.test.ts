import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAttachments, unavailableRefusal } from '../../../src/lib/server/attachments/choice.ts';

const formWith = (ids: string[], body = 'Il testo resta.') => {
	const form = new FormData();
	form.set('body', body);
	for (const id of ids) form.append('attachment', id);
	return form;
};

describe('parseAttachments', () => {
	it('reads every chosen file, in the order chosen, and none when nothing was chosen', () => {
		const ids = [randomUUID(), randomUUID(), randomUUID()];
		expect(parseAttachments(formWith(ids)).data).toEqual(ids);
		expect(parseAttachments(formWith([])).data).toEqual([]);
	});

	it('accepts ten files and refuses eleven, on the attachments, keeping what was typed', () => {
		const ids = Array.from({ length: 11 }, () => randomUUID());
		expect(parseAttachments(formWith(ids.slice(0, 10))).data).toHaveLength(10);
		const { failure } = parseAttachments(formWith(ids));
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual({ attachment: 'attachments.tooMany' });
		expect(failure?.data.values.body).toBe('Il testo resta.');
	});

	it('refuses anything that is not a file id', () => {
		for (const forged of ['../../etc/passwd', '', '1', `${randomUUID()}x`]) {
			expect(parseAttachments(formWith([randomUUID(), forged])).failure?.data.errors, forged).toEqual({
				attachment: 'attachments.invalid'
			});
		}
	});

	it('refuses the same file twice, whatever the case of its id', () => {
		const id = randomUUID();
		expect(parseAttachments(formWith([id, id.toUpperCase()])).failure?.data.errors).toEqual({
			attachment: 'attachments.duplicate'
		});
	});

	it('ignores a file sent in the field instead of an id', () => {
		const form = formWith([]);
		form.append('attachment', new Blob(['x']), 'budget.xlsx');
		expect(parseAttachments(form).data).toEqual([]);
	});
});

describe('unavailableRefusal', () => {
	it('says it for the form and marks each file that is gone, keeping what was typed', () => {
		const [gone, binned] = [randomUUID(), randomUUID()];
		const failure = unavailableRefusal(formWith([gone, binned, randomUUID()]), [gone, binned]);
		expect(failure.status).toBe(400);
		expect(failure.data.message).toBe('attachments.unavailable');
		expect(failure.data.errors).toEqual({
			[`attachment:${gone}`]: 'attachments.unavailableFile',
			[`attachment:${binned}`]: 'attachments.unavailableFile'
		});
		expect(failure.data.values.body).toBe('Il testo resta.');
	});
});
