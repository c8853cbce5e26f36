/**
 * Files on conversations and tickets, against the sandbox through n8n's engine: a reply sends the
 * input item's binary fields as `attachment_files` (bytes, names and types as given), and Get with
 * Download Attachments brings every attachment back as binary data, fetched without the credential.
 * Bad input (a binary field the item lacks, too many files) fails naming the parameter, nothing sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { operations } from '../../nodes/Intercom/actions/registry';
import { MAX_ATTACHMENT_BYTES } from '../../nodes/Intercom/actions/conversation/shared';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { useFileItemsSource } from '../helpers/file-items';
import { credentialsFor, runNode } from '../helpers/n8n';

// Only in this file (jest gives each file its own registry): the source emits items with files.
useFileItemsSource();

let sb: RunningSandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 6, conversations: 3, articles: 0, companies: 1, tickets: 2 } });
});
afterAll(async () => {
	await sb?.close();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'utf8');
const files = { data: { base64: PNG.toString('base64'), name: 'screenshot.png', mimeType: 'image/png' }, invoice: { base64: PDF.toString('base64'), name: 'invoice.pdf', mimeType: 'application/pdf' } };

async function run(resource: string, parameters: Record<string, unknown>, items: IDataObject[] = [{ json: {} }]) {
	const before = sb.log.requests().length;
	const result = await runNode({ parameters: { resource, ...parameters } as never, credentials: credentialsFor(sb.baseUrl, sb.token), items });
	const sent = sb.log.requests().slice(before);
	expect(sent.filter((r) => !r.verdict.conformant).map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([]);
	return { ...result, sent };
}

const admin = () => sb.workspace.meAdmin().id;
const conversationId = () => sb.workspace.conversations.all()[0].id;
const locator = (value: string) => ({ __rl: true, mode: 'id', value });

describe('files sent with a conversation reply', () => {
	it('sends the named binary fields as attachment_files, and Get brings them back as binary data', async () => {
		const replied = await run(
			'conversation',
			{ operation: 'reply', conversationId: locator(conversationId()), actingAdminId: admin(), messageType: 'note', body: 'Files attached', additionalFields: { attachmentFiles: 'data, invoice' } },
			[{ json: {}, files }],
		);
		expect(replied.error).toBeUndefined();
		expect((replied.sent[0].body as IDataObject).attachment_files).toEqual([
			{ name: 'screenshot.png', content_type: 'image/png', data: PNG.toString('base64') },
			{ name: 'invoice.pdf', content_type: 'application/pdf', data: PDF.toString('base64') },
		]);

		const fetchesBefore = sb.workspace.media.fetches.length;
		const got = await run('conversation', { operation: 'get', conversationId: locator(conversationId()), options: { downloadAttachments: true } });
		expect(got.error).toBeUndefined();
		const item = got.items[0];
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['attachment_0', 'attachment_1']);
		expect(Buffer.from(item.binary!.attachment_0.data, 'base64').equals(PNG)).toBe(true);
		expect(Buffer.from(item.binary!.attachment_1.data, 'base64').equals(PDF)).toBe(true);
		expect([item.binary!.attachment_0.fileName, item.binary!.attachment_0.mimeType]).toEqual(['screenshot.png', 'image/png']);
		expect([item.binary!.attachment_1.fileName, item.binary!.attachment_1.mimeType]).toEqual(['invoice.pdf', 'application/pdf']);
		const parts = (item.json.conversation_parts as IDataObject).conversation_parts as IDataObject[];
		const attachments = parts[parts.length - 1].attachments as IDataObject[];
		expect(attachments.map((a) => a.binary_field)).toEqual(['attachment_0', 'attachment_1']);
		const fetches = sb.workspace.media.fetches.slice(fetchesBefore);
		expect(fetches).toHaveLength(2);
		expect(fetches.map((f) => f.headers.authorization)).toEqual([undefined, undefined]);
		// Without the option, the same Get downloads nothing.
		const plain = await run('conversation', { operation: 'get', conversationId: locator(conversationId()) });
		expect(plain.items[0].binary).toBeUndefined();
		expect(sb.workspace.media.fetches.length).toBe(fetchesBefore + 2);
	});

	it('a binary field the item does not have fails naming the parameter and the fields it has; nothing is sent', async () => {
		const { error, sent } = await run(
			'conversation',
			{ operation: 'reply', conversationId: locator(conversationId()), actingAdminId: admin(), body: 'x', additionalFields: { attachmentFiles: 'data, contract' } },
			[{ json: {}, files: { data: files.data } }],
		);
		expect(error?.message).toBe('Parameter "Attachment Files (Binary Fields)": the input item has no binary field "contract"');
		expect(error?.description).toBe('Its binary fields: data.');
		expect(sent).toEqual([]);
	});

	it('more than 10 files fail before any is read or sent', async () => {
		const names = Array.from({ length: 11 }, (_, i) => `f${i}`).join(',');
		const { error, sent } = await run('conversation', { operation: 'reply', conversationId: locator(conversationId()), actingAdminId: admin(), body: 'x', additionalFields: { attachmentFiles: names } });
		expect(error?.message).toBe('Parameter "Attachment Files (Binary Fields)": 11 files given, Intercom takes at most 10');
		expect(sent).toEqual([]);
	});

	it('files go with conversation replies only: ticket replies take URLs (the spec has no attachment_files there)', () => {
		const options = (op: string, resource: string) =>
			operations.find((d) => d.resource === resource && d.value === op)!.collections!.flatMap((c) => c.options);
		const files = options('reply', 'conversation').find((o) => o.key === 'attachment_files');
		expect(files?.files).toEqual({ maxFiles: 10, maxBytes: MAX_ATTACHMENT_BYTES });
		expect(MAX_ATTACHMENT_BYTES).toBe(100 * 1024 * 1024);
		expect(options('reply', 'ticket').map((o) => o.key)).toEqual(['attachment_urls', 'created_at']);
	});
});

describe('files on a ticket', () => {
	it("a ticket reply's attachment URL is downloaded by Ticket → Get with Download Attachments", async () => {
		const stored = sb.workspace.media.store({ bytes: PDF, contentType: 'application/pdf', name: 'terms.pdf' });
		const url = `${sb.baseUrl}${stored}`;
		const ticket = [...sb.workspace.tickets.values()][0];
		const replied = await run('ticket', { operation: 'reply', ticketId: locator(ticket.id), actingAdminId: admin(), messageType: 'note', body: 'Terms', additionalFields: { attachmentUrls: url } });
		expect(replied.error).toBeUndefined();
		expect((replied.sent[0].body as IDataObject).attachment_urls).toEqual([url]);
		const got = await run('ticket', { operation: 'get', ticketId: locator(ticket.id), options: { downloadAttachments: true } });
		expect(got.error).toBeUndefined();
		expect(Buffer.from(got.items[0].binary!.attachment_0.data, 'base64').equals(PDF)).toBe(true);
		expect([got.items[0].binary!.attachment_0.fileName, got.items[0].binary!.attachment_0.mimeType]).toEqual(['terms.pdf', 'application/pdf']);
	});
});
