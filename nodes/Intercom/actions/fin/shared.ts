import type { INodeProperties } from 'n8n-workflow';

import { emailShape } from '../fields';
import type { FieldSpec, OptionSpec, ShapeContext } from '../types';

/** Fin takes at most 10 of each: attributes (user, conversation), history messages, attachments. */
const FIN_MAX = 10;

export const conversationIdField = (description: string): FieldSpec => ({
	in: 'body',
	key: 'conversation_id',
	convert: 'text',
	property: { displayName: 'Conversation ID', name: 'conversationId', type: 'string', default: '', required: true, placeholder: 'ext-123', description },
});

/**
 * The user's message, as Fin takes it: written by the user, at a time (Intercom requires one and
 * uses it to recognise the same message sent twice within 5 minutes, so map your message's own
 * time when a workflow may send it again; blank is now).
 */
export const messageFields: FieldSpec[] = [
	{
		in: 'body',
		key: 'message.body',
		convert: 'text',
		property: {
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			description: "The user's message to Fin (text or HTML)",
		},
	},
	{
		in: 'body',
		key: 'message.timestamp',
		convert: 'isoDateTime',
		blankIsNow: true,
		property: {
			displayName: 'Message Time',
			name: 'messageTime',
			type: 'dateTime',
			default: '',
			description: 'When the user wrote the message (blank: now); Intercom treats the same message at the same time within 5 minutes as one',
		},
	},
	{
		in: 'body',
		key: 'user.id',
		convert: 'text',
		property: {
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'crm-42',
			description: "Your ID of the user (Intercom's user_id, the contact's external ID): Fin knows the user by it",
		},
	},
];

function capKeys(value: unknown, field: ShapeContext): unknown {
	const count = Object.keys(value as object).length;
	if (count > FIN_MAX) field.fail(`${count} attributes given, Fin takes at most ${FIN_MAX}`);
	return value;
}

function attachmentUrls(value: unknown, field: ShapeContext): unknown {
	const urls = value as string[];
	if (urls.length === 0) return undefined;
	if (urls.length > FIN_MAX) field.fail(`${urls.length} attachments given, Fin takes at most ${FIN_MAX}`);
	for (const url of urls) {
		if (!/^https?:\/\/[^\s/]+/i.test(url)) field.fail(`"${url.slice(0, 60)}" is not an http(s) URL`, 'Fin fetches attachments from public http(s) URLs.');
	}
	return urls.map((url) => ({ type: 'url', url }));
}

const AUTHORS = ['user', 'agent', 'fin'];

function history(value: unknown, field: ShapeContext): unknown {
	if (!Array.isArray(value)) return field.fail('a JSON list of messages ([{"author": "user", "body": "…", "timestamp": "…"}]) is required');
	if (value.length === 0) return undefined;
	if (value.length > FIN_MAX) field.fail(`${value.length} messages given, Fin takes the last ${FIN_MAX} at most`);
	value.forEach((message: unknown, i) => {
		const m = (message ?? {}) as Record<string, unknown>;
		const where = `message ${i + 1}`;
		if (typeof message !== 'object' || Array.isArray(message)) field.fail(`${where} is not an object`);
		if (!AUTHORS.includes(m.author as string)) field.fail(`${where}: "author" must be one of ${AUTHORS.join(', ')}`);
		if (typeof m.body !== 'string' || m.body.trim() === '') field.fail(`${where}: "body" must be text`);
		if (typeof m.timestamp !== 'string' || Number.isNaN(Date.parse(m.timestamp))) field.fail(`${where}: "timestamp" must be an ISO 8601 date-time`);
	});
	return value;
}

function option(key: string, property: INodeProperties, extra: Partial<OptionSpec> = {}): OptionSpec {
	return { in: 'body', key, property, ...extra };
}

/** What both Start and Reply may add: who the user is, and attachments by URL. */
export const userOptions: OptionSpec[] = [
	option('user.name', { displayName: 'User Name', name: 'userName', type: 'string', default: '', description: "The user's name" }, { convert: 'text' }),
	option(
		'user.email',
		{ displayName: 'User Email', name: 'userEmail', type: 'string', default: '', placeholder: 'name@email.com', description: "The user's email address" },
		{ convert: 'text', shape: emailShape },
	),
	option(
		'user.attributes',
		{ displayName: 'User Attributes (JSON)', name: 'userAttributes', type: 'json', default: '{}', description: 'Up to 10 attributes of the user Fin may use to target its answer, such as {"plan_type": "Pro"}' },
		{ convert: 'object', shape: capKeys },
	),
	option(
		'attachments',
		{ displayName: 'Attachment URLs', name: 'attachmentUrls', type: 'string', default: '', placeholder: 'https://example.com/invoice.pdf', description: 'Up to 10 public URLs of files for Fin to read, separated by commas' },
		{ convert: 'list', shape: attachmentUrls },
	),
];

/** What only Start takes: the conversation before Fin joined it. */
export const conversationOptions: OptionSpec[] = [
	option(
		'conversation_metadata.history',
		{
			displayName: 'History (JSON)',
			name: 'history',
			type: 'json',
			default: '[]',
			description: 'Up to 10 earlier messages, oldest first, such as [{"author": "user", "body": "I need help", "timestamp": "2025-01-24T10:00:01Z"}]',
		},
		{ convert: 'json', shape: history },
	),
	option(
		'conversation_metadata.attributes',
		{ displayName: 'Conversation Attributes (JSON)', name: 'conversationAttributes', type: 'json', default: '{}', description: 'Up to 10 attributes of the conversation, such as {"priority_level": "high"}' },
		{ convert: 'object', shape: capKeys },
	),
];
