import { describe, expect, it } from 'vitest';
import { listKey, optionId } from '../../src/lib/combobox.ts';

const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
	key,
	shiftKey: false,
	altKey: false,
	ctrlKey: false,
	metaKey: false,
	isComposing: false,
	...extra
});

describe('listKey', () => {
	it('moves through the options with the arrows, wrapping at both ends', () => {
		expect(listKey(press('ArrowDown'), 0, 3)).toEqual({ active: 1 });
		expect(listKey(press('ArrowDown'), 2, 3)).toEqual({ active: 0 });
		expect(listKey(press('ArrowUp'), 0, 3)).toEqual({ active: 2 });
	});

	it('chooses with Enter, and with Tab only where asked to', () => {
		expect(listKey(press('Enter'), 1, 3)).toBe('choose');
		expect(listKey(press('Tab'), 1, 3)).toBeNull();
		expect(listKey(press('Tab'), 1, 3, { tabChooses: true })).toBe('choose');
		expect(listKey(press('Tab', { shiftKey: true }), 1, 3, { tabChooses: true })).toBeNull();
		expect(listKey(press('Enter', { shiftKey: true }), 1, 3)).toBeNull();
	});

	it('closes the list with Escape', () => {
		expect(listKey(press('Escape'), 0, 3)).toBe('close');
	});

	it('leaves typing, shortcuts, input-method compositions and an empty list to the field', () => {
		expect(listKey(press('a'), 0, 3)).toBeNull();
		expect(listKey(press('ArrowLeft'), 0, 3)).toBeNull();
		expect(listKey(press('ArrowDown', { altKey: true }), 0, 3)).toBeNull();
		expect(listKey(press('Enter', { ctrlKey: true }), 0, 3)).toBeNull();
		expect(listKey(press('Enter', { isComposing: true }), 0, 3)).toBeNull();
		expect(listKey(press('ArrowDown'), 0, 0)).toBeNull();
	});
});

describe('optionId', () => {
	it('names each option after its listbox, so two comboboxes on a page never share one', () => {
		expect(optionId('field-body-mentions', 2)).toBe('field-body-mentions-2');
		expect(optionId('field-document-options', 2)).not.toBe(optionId('field-body-mentions', 2));
	});
});
