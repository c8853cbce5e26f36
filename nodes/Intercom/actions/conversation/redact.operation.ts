import { conversationLocator, ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';

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
		conversationLocator({ in: 'body' }),
		{
			in: 'body',
			key: 'type',
			property: {
				displayName: 'What to Redact',
				name: 'redactType',
				type: 'options',
				options: [
					{ name: 'Conversation Part', value: 'conversation_part', description: 'A reply, note or other part of the conversation' },
					{ name: 'Source Message', value: 'source', description: 'The message that started the conversation' },
				],
				default: 'conversation_part',
			},
		},
		{
			in: 'body',
			key: 'conversation_part_id',
			idFormat: ID_FORMATS.numeric,
			property: {
				displayName: PART_ID.displayName,
				name: PART_ID.name,
				type: 'string',
				default: '',
				required: true,
				placeholder: '19381789428',
				description: "The part's ID, as in the conversation's conversation_parts",
				displayOptions: { show: { redactType: ['conversation_part'] } },
			},
		},
		{
			in: 'body',
			key: 'source_id',
			idFormat: ID_FORMATS.numeric,
			property: {
				displayName: SOURCE_ID.displayName,
				name: SOURCE_ID.name,
				type: 'string',
				default: '',
				required: true,
				placeholder: '19894781231',
				description: "The opening message's ID, as in the conversation's source ID",
				displayOptions: { show: { redactType: ['source'] } },
			},
		},
	],
};
