import { failParameter } from '../../../shared/values';
import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { buildOnly, readId } from './shared';

const PART_ID = { name: 'conversationPartId', displayName: 'Conversation Part ID' };
const SOURCE_ID = { name: 'sourceId', displayName: 'Source ID' };

export const redact: OperationDefinition = {
	resource: 'conversation',
	value: 'redact',
	name: 'Redact',
	action: 'Redact a conversation part or message',
	description:
		"Permanently blank out one part of a conversation (a part with a body) or its opening message (sent by a contact); returns the conversation",
	method: 'POST',
	path: '/conversations/redact',
	subject: 'Conversation part or message',
	fields: [
		buildOnly(conversationLocator().property),
		buildOnly({
			displayName: 'What to Redact',
			name: 'redactType',
			type: 'options',
			options: [
				{ name: 'Conversation Part', value: 'conversation_part', description: 'A reply, note or other part of the conversation' },
				{ name: 'Source Message', value: 'source', description: 'The message that started the conversation' },
			],
			default: 'conversation_part',
		}),
		buildOnly({
			displayName: PART_ID.displayName,
			name: PART_ID.name,
			type: 'string',
			default: '',
			required: true,
			placeholder: '19381789428',
			description: "The part's ID, as in the conversation's conversation_parts",
			displayOptions: { show: { redactType: ['conversation_part'] } },
		}),
		buildOnly({
			displayName: SOURCE_ID.displayName,
			name: SOURCE_ID.name,
			type: 'string',
			default: '',
			required: true,
			placeholder: '19894781231',
			description: "The opening message's ID, as in the conversation's source ID",
			displayOptions: { show: { redactType: ['source'] } },
		}),
	],
	build: (ctx, request) => {
		const type = ctx.param<string>('redactType', 'conversation_part');
		const conversationId = readId(ctx, 'conversationId', 'Conversation');
		if (type === 'conversation_part') {
			Object.assign(request.body, { type, conversation_id: conversationId, conversation_part_id: readId(ctx, PART_ID.name, PART_ID.displayName) });
		} else if (type === 'source') {
			Object.assign(request.body, { type, conversation_id: conversationId, source_id: readId(ctx, SOURCE_ID.name, SOURCE_ID.displayName) });
		} else {
			failParameter(ctx.fn.getNode(), 'What to Redact', ctx.itemIndex, `"${type}" is not one of conversation_part, source`);
		}
	},
};
