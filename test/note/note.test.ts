/** Notes through n8n against the sandbox: get one by ID. */
import { createNote } from '../../sandbox/store/contact-ops';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('note');

describe('note get', () => {
	it('gets a note with its author and contact', async () => {
		const ws = node.sb().workspace;
		const contact = ws.contacts.all()[3];
		const admin = [...ws.admins.values()][0];
		const note = createNote(ws, contact.id, '<p>Wants SSO</p>', admin.id);
		const { json, sent } = await node.run({ operation: 'get', noteId: note.id });
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /notes/${note.id}`]);
		expect(json).toEqual([expect.objectContaining({ type: 'note', id: note.id, body: '<p>Wants SSO</p>', contact: expect.objectContaining({ id: contact.id }), author: expect.objectContaining({ id: admin.id }) })]);
	});

	it('refuses a non-numeric ID before sending, and names a missing note', async () => {
		const bad = await node.run({ operation: 'get', noteId: 'note-1' });
		expect(bad.error?.message).toBe('Parameter "Note ID": "note-1" is not a valid ID');
		expect(bad.sent).toEqual([]);
		const missing = await node.run({ operation: 'get', noteId: '999999999' });
		expect(missing.error?.message).toBe('Note was not found in Intercom');
	});
});
