import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode } from '../helpers/n8n';
import { TEST_API_VERSION } from '../helpers/api-version';

/**
 * Every conversation and tag operation, end to end against the Intercom-compatible sandbox:
 * each request must conform to the 2.14 spec, and each answer must show the change was made.
 */
let sb: RunningSandbox;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function node(resource: 'conversation' | 'tag', operation: string, parameters: IDataObject = {}): Promise<IDataObject[]> {
	const result = await runNode({ parameters: { resource, operation, ...parameters }, credentials: credentialsFor(sb.baseUrl, sb.token) });
	if (result.error) throw result.error;
	return result.items.map((i) => i.json);
}

const conversation = (operation: string, parameters: IDataObject = {}) => node('conversation', operation, parameters);

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 12, conversations: 7 } });
});
afterAll(async () => await sb.close());

describe('conversations and tags against the sandbox', () => {
	let admin: string;
	let team: string;
	let starter: { id: string; email: string };
	let guest: { id: string; email: string };
	let conversationId: string;

	beforeAll(() => {
		const ws = sb.workspace;
		[admin] = [...ws.admins.keys()];
		[team] = [...ws.teams.keys()];
		const [first, second] = ws.contacts.all().filter((c) => c.role === 'user' && c.email);
		starter = { id: first.id, email: first.email };
		guest = { id: second.id, email: second.email };
	});

	it('creates a conversation and gets it back as plain text', async () => {
		const [message] = await conversation('create', { contactId: byId(starter.id), contactRole: 'user', body: 'My invoice is wrong' });
		expect(message).toMatchObject({ type: 'user_message', conversation_id: expect.any(String) });
		conversationId = String(message.conversation_id);

		const [found] = await conversation('get', { conversationId: byId(conversationId), options: { plainText: true } });
		expect(found).toMatchObject({ type: 'conversation', id: conversationId });
		expect(JSON.stringify(found.source)).toContain('My invoice is wrong');
	});

	it('updates title, read state and custom attributes', async () => {
		const [updated] = await conversation('update', {
			conversationId: byId(conversationId),
			updateFields: { title: 'Invoice', read: true, customAttributes: { attribute: [{ name: 'issue_type', value: 'billing' }] } },
		});
		expect(updated).toMatchObject({ id: conversationId, title: 'Invoice', read: true });
		expect(updated.custom_attributes).toMatchObject({ issue_type: 'billing' });
	});

	it('takes replies from an admin (comment, note, quick reply) and from the contact', async () => {
		const id = byId(conversationId);
		await conversation('reply', { conversationId: id, replyAs: 'admin', actingAdminId: admin, messageType: 'comment', body: 'Looking into it' });
		await conversation('reply', { conversationId: id, replyAs: 'admin', actingAdminId: admin, messageType: 'note', body: '<p>Refund due</p>' });
		await conversation('reply', {
			conversationId: id,
			replyAs: 'admin',
			actingAdminId: admin,
			messageType: 'quick_reply',
			replyOptions: { option: [{ text: 'Yes' }, { text: 'No' }] },
		});
		await conversation('reply', { conversationId: id, replyAs: 'contact', contactIdentifierType: 'email', contactIdentifier: starter.email, body: 'Yes' });
		const [last] = await conversation('reply', {
			conversationId: id,
			replyAs: 'contact',
			contactIdentifierType: 'intercom_user_id',
			contactIdentifier: starter.id,
			body: 'Thanks',
		});
		const parts = ((last.conversation_parts as IDataObject).conversation_parts as IDataObject[]).map((p) => p.part_type);
		expect(parts.slice(-5)).toEqual(['comment', 'note', 'quick_reply', 'comment', 'comment']);
	});

	it('adds and removes a participant', async () => {
		const id = byId(conversationId);
		const [attached] = await conversation('attachContact', {
			conversationId: id,
			actingAdminId: admin,
			contactIdentifierType: 'email',
			contactIdentifier: guest.email,
		});
		expect(JSON.stringify(attached)).toContain(guest.id);
		const [detached] = await conversation('detachContact', { conversationId: id, contactId: byId(guest.id), actingAdminId: admin });
		expect(JSON.stringify(detached)).not.toContain(guest.id);
	});

	it('creates a tag, tags the conversation and untags it', async () => {
		const [tag] = await node('tag', 'create', { name: 'n8n-e2e' });
		const tagId = String(tag.id);
		expect(await node('tag', 'get', { tagId })).toEqual([expect.objectContaining({ id: tagId, name: 'n8n-e2e' })]);
		expect((await node('tag', 'getMany', { returnAll: true })).map((t) => t.id)).toContain(tagId);

		expect(await conversation('addTag', { conversationId: byId(conversationId), tagId, actingAdminId: admin })).toEqual([
			expect.objectContaining({ id: tagId }),
		]);
		const [tagged] = await conversation('get', { conversationId: byId(conversationId) });
		expect(JSON.stringify(tagged.tags)).toContain(tagId);

		await conversation('removeTag', { conversationId: byId(conversationId), tagId, actingAdminId: admin });
		const [untagged] = await conversation('get', { conversationId: byId(conversationId) });
		expect(JSON.stringify(untagged.tags)).not.toContain(`"${tagId}"`);

		expect(await node('tag', 'delete', { tagId })).toEqual([{ id: tagId, deleted: true }]);
		expect((await node('tag', 'getMany', { returnAll: true })).map((t) => t.id)).not.toContain(tagId);
	});

	it('assigns, snoozes, opens and closes', async () => {
		const id = byId(conversationId);
		const [toTeam] = await conversation('assign', { conversationId: id, actingAdminId: admin, assigneeType: 'team', assigneeTeamId: team });
		expect(String(toTeam.team_assignee_id)).toBe(team);
		const [toAdmin] = await conversation('assign', { conversationId: id, actingAdminId: admin, assigneeType: 'admin', assigneeAdminId: admin });
		expect(String(toAdmin.admin_assignee_id)).toBe(admin);

		const until = Math.floor(sb.clock.now() / 1000) + 86400;
		const [snoozed] = await conversation('snooze', { conversationId: id, actingAdminId: admin, snoozedUntil: new Date(until * 1000).toISOString() });
		expect(snoozed).toMatchObject({ state: 'snoozed', snoozed_until: until });
		expect(await conversation('open', { conversationId: id, actingAdminId: admin })).toEqual([expect.objectContaining({ state: 'open' })]);
		const [closed] = await conversation('close', { conversationId: id, actingAdminId: admin, additionalFields: { body: 'Sorted' } });
		expect(closed).toMatchObject({ state: 'closed' });
	});

	it('redacts a part and the source message', async () => {
		const [before] = await conversation('get', { conversationId: byId(conversationId) });
		const parts = (before.conversation_parts as IDataObject).conversation_parts as IDataObject[];
		const comment = parts.find((p) => p.part_type === 'comment' && p.body)!;
		const [afterPart] = await conversation('redact', { conversationId: byId(conversationId), redactType: 'conversation_part', conversationPartId: String(comment.id) });
		expect(JSON.stringify(afterPart)).not.toContain(String(comment.body));

		const sourceId = String((before.source as IDataObject).id);
		const [afterSource] = await conversation('redact', { conversationId: byId(conversationId), redactType: 'source', sourceId });
		expect(JSON.stringify(afterSource.source)).not.toContain('My invoice is wrong');
	});

	it('converts the conversation to a ticket', async () => {
		const type = [...sb.workspace.ticketTypes.values()].find((t) => t.category === 'Customer')!;
		const [ticket] = await conversation('convertToTicket', {
			conversationId: byId(conversationId),
			ticketTypeId: type.id,
			additionalFields: { ticketAttributes: '{"_default_title_": "Invoice wrong"}' },
		});
		expect(ticket).toMatchObject({ type: 'ticket' });
	});

	it('lists every conversation with Return All, and fewer with a Limit', async () => {
		const total = sb.workspace.conversations.all().length;
		const all = await conversation('getMany', { returnAll: true });
		expect(all).toHaveLength(total);
		expect(new Set(all.map((c) => c.id)).size).toBe(total);
		expect(await conversation('getMany', { returnAll: false, limit: 3 })).toHaveLength(3);
	});

	it('deletes the conversation; getting it again is a clear 404', async () => {
		expect(await conversation('delete', { conversationId: byId(conversationId) })).toEqual([
			{ id: conversationId, object: 'conversation', deleted: true },
		]);
		// n8n hands the error over as a plain object, so its message is compared rather than thrown.
		await expect(conversation('get', { conversationId: byId(conversationId) })).rejects.toMatchObject({
			message: 'Conversation was not found in Intercom',
			httpCode: '404',
		});
	});

	// Runs last: it judges every request the tests above sent.
	it('sent only requests that conform to the spec of the version under test', () => {
		const requests = sb.log.requests();
		expect(new Set(requests.map((r) => r.operation))).toEqual(
			new Set([
				'POST /conversations',
				'GET /conversations/{conversation_id}',
				'PUT /conversations/{conversation_id}',
				'DELETE /conversations/{conversation_id}',
				'GET /conversations',
				'POST /conversations/{conversation_id}/reply',
				'POST /conversations/{conversation_id}/parts',
				'POST /conversations/{conversation_id}/customers',
				'DELETE /conversations/{conversation_id}/customers/{contact_id}',
				'POST /conversations/{conversation_id}/tags',
				'DELETE /conversations/{conversation_id}/tags/{tag_id}',
				'POST /conversations/redact',
				'POST /conversations/{conversation_id}/convert',
				'GET /tags',
				'POST /tags',
				'GET /tags/{tag_id}',
				'DELETE /tags/{tag_id}',
			]),
		);
		expect(requests.every((r) => r.intercomVersion === TEST_API_VERSION)).toBe(true);
		expect(sb.log.nonConformant()).toEqual([]);
	});
});
