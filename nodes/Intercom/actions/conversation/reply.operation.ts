import type { IDataObject } from 'n8n-workflow';
import { randomInt } from 'n8n-workflow';

import { failParameter } from '../../../shared/values';
import { conversationLocator } from '../fields';
import type { OperationContext, OperationDefinition } from '../types';
import {
	actingAdminProperty,
	attachmentFilesOption,
	attachmentUrlsOption,
	bodyProperty,
	buildOnly,
	contactIdentifierFields,
	CONVERSATION_PATH_LABELS,
	createdAtOption,
	readActingAdmin,
	readContactIdentifier,
	requireText,
} from './shared';

const asAdmin = { replyAs: ['admin'] };
const ADMIN_MESSAGE_TYPES = ['comment', 'note', 'quick_reply'];

/** A version 4 UUID: Intercom reports it back when the contact picks the option. */
function newUuid(): string {
	const hex = Array.from({ length: 32 }, () => randomInt(16).toString(16));
	hex[12] = '4';
	hex[16] = (8 + randomInt(4)).toString(16);
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function readQuickReplyOptions(ctx: OperationContext): IDataObject[] {
	const node = ctx.fn.getNode();
	const given = (ctx.param<IDataObject>('replyOptions', {})?.option ?? []) as IDataObject[];
	const options = given.map((option, index) => {
		const text = String(option.text ?? '').trim();
		if (text === '') failParameter(node, 'Quick Reply Options', ctx.itemIndex, `option ${index + 1} has no text`);
		const uuid = String(option.uuid ?? '').trim();
		if (uuid !== '' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(uuid)) {
			failParameter(node, 'Quick Reply Options', ctx.itemIndex, `"${uuid.slice(0, 60)}" (option ${index + 1}) is not a UUID`);
		}
		return { text, uuid: uuid || newUuid() };
	});
	if (options.length === 0) failParameter(node, 'Quick Reply Options', ctx.itemIndex, 'a quick reply needs at least one option');
	return options;
}

export const reply: OperationDefinition = {
	resource: 'conversation',
	value: 'reply',
	name: 'Reply',
	action: 'Reply to a conversation',
	description:
		'Add a reply to a conversation: as an admin (a message the contact sees, an internal note, or quick reply buttons) or as the contact',
	method: 'POST',
	path: '/conversations/{conversation_id}/reply',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [
		conversationLocator(),
		buildOnly({
			displayName: 'Reply As',
			name: 'replyAs',
			type: 'options',
			options: [
				{ name: 'Admin', value: 'admin', description: 'A teammate replies, writes a note or offers quick replies' },
				{ name: 'Contact', value: 'contact', description: 'The contact (user or lead) replies' },
			],
			default: 'admin',
		}),
		buildOnly({ ...actingAdminProperty(), displayOptions: { show: asAdmin } }),
		buildOnly({
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			options: [
				{ name: 'Comment', value: 'comment', description: 'A reply the contact sees' },
				{ name: 'Note', value: 'note', description: 'An internal note only teammates see' },
				{ name: 'Quick Reply', value: 'quick_reply', description: 'Buttons the contact can pick from' },
			],
			default: 'comment',
			displayOptions: { show: asAdmin },
		}),
		...contactIdentifierFields({ replyAs: ['contact'] }),
		buildOnly(bodyProperty('The reply; required except for quick replies. Notes accept some HTML.', false)),
		buildOnly({
			displayName: 'Quick Reply Options',
			name: 'replyOptions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: { ...asAdmin, messageType: ['quick_reply'] } },
			options: [
				{
					displayName: 'Option',
					name: 'option',
					values: [
						{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'The button text' },
						{
							displayName: 'UUID',
							name: 'uuid',
							type: 'string',
							default: '',
							description: "Identifies the option in the conversation part the contact's choice creates; generated when empty",
						},
					],
				},
			],
		}),
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				attachmentUrlsOption(),
				attachmentFilesOption(),
				createdAtOption('When the reply was written, for importing past messages (defaults to now)'),
			],
		},
	],
	build: (ctx, request) => {
		const replyAs = ctx.param<string>('replyAs', 'admin');
		const body = ctx.param<string>('body', '');
		if (replyAs !== 'admin' && replyAs !== 'contact') {
			failParameter(ctx.fn.getNode(), 'Reply As', ctx.itemIndex, `"${replyAs}" is not one of admin, contact`);
		}
		if (replyAs === 'admin') {
			const messageType = ctx.param<string>('messageType', 'comment');
			if (!ADMIN_MESSAGE_TYPES.includes(messageType)) {
				failParameter(ctx.fn.getNode(), 'Message Type', ctx.itemIndex, `"${messageType}" is not one of ${ADMIN_MESSAGE_TYPES.join(', ')}`);
			}
			Object.assign(request.body, { message_type: messageType, type: 'admin', admin_id: readActingAdmin(ctx) });
			if (messageType === 'quick_reply') {
				request.body.reply_options = readQuickReplyOptions(ctx);
				if (String(body).trim() !== '') request.body.body = body;
			} else {
				request.body.body = requireText(ctx, 'body', 'Body');
			}
		} else {
			Object.assign(request.body, { message_type: 'comment', type: 'user', ...readContactIdentifier(ctx), body: requireText(ctx, 'body', 'Body') });
		}
	},
};
