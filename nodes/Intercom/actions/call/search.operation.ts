import type { OperationDefinition } from '../types';

/** Intercom's limit on conversation IDs per request. */
const MAX_CONVERSATIONS = 20;

export const search: OperationDefinition = {
	resource: 'call',
	value: 'getManyByConversation',
	name: 'Get Many by Conversation',
	action: 'Get the calls of conversations with their transcripts',
	description: 'Get the calls of up to 20 conversations, each with its transcript (as lines of text) where Intercom has one',
	method: 'POST',
	path: '/calls/search',
	// Reads only: safe to send again after a lost answer.
	idempotent: true,
	fields: [
		{
			in: 'body',
			key: 'conversation_ids',
			convert: 'list',
			required: true,
			shape: (ids, { fail }) => {
				const list = ids as string[];
				if (list.length === 0) fail('a value is required');
				if (list.length > MAX_CONVERSATIONS) fail(`${list.length} conversation IDs given, Intercom takes at most ${MAX_CONVERSATIONS}`);
				for (const id of list) if (!/^\d{1,20}$/.test(id)) fail(`"${id.slice(0, 60)}" is not a valid conversation ID`, 'A conversation ID is a number, such as 64619700005694.');
				return list;
			},
			property: {
				displayName: 'Conversation IDs',
				name: 'conversationIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: '64619700005694, 64619700005695',
				description: 'Comma-separated IDs of the conversations whose calls to get, at most 20',
			},
		},
	],
	list: { pagination: 'none', itemsPath: 'data' },
};
