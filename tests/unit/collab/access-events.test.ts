import { describe, expect, it } from 'vitest';
import { recheckScope } from '../../../src/lib/server/collab/access-events.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const PERSON = 'd0000000-0000-4000-8000-000000000002';
const DOCUMENT = 'dd000000-0000-4000-8000-000000000001';
const announced = (action: string, subject: string) => JSON.stringify({ network: NETWORK, action, subject, actor: null, id: 1 });

describe('recheckScope', () => {
	it('rechecks a member’s sockets in the network when their role changes or they leave or are removed', () => {
		for (const action of ['member_role_changed', 'member_left', 'member_removed']) {
			expect(recheckScope(announced(action, PERSON))).toEqual({ networkId: NETWORK, userId: PERSON });
		}
	});

	it('rechecks a document’s sockets when its status changes or it is deleted', () => {
		for (const action of ['document_status_changed', 'document_deleted']) {
			expect(recheckScope(announced(action, DOCUMENT))).toEqual({ documentId: DOCUMENT });
		}
	});

	it('rechecks every socket when the database connection came back, as announcements may have been missed', () => {
		expect(recheckScope('')).toEqual({});
	});

	it('leaves sockets alone for what changes nobody’s access, and for what it cannot read', () => {
		expect(recheckScope(announced('document_edited', DOCUMENT))).toBeNull();
		expect(recheckScope(announced('comment_added', DOCUMENT))).toBeNull();
		expect(recheckScope(JSON.stringify({ recipient: PERSON }))).toBeNull();
		expect(recheckScope('{not json')).toBeNull();
	});
});
