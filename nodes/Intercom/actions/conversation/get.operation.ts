import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { CONVERSATION_PATH_LABELS, downloadAttachmentsOption, plainTextOption } from './shared';

export const get: OperationDefinition = {
	resource: 'conversation',
	value: 'get',
	name: 'Get',
	action: 'Get a conversation',
	description: 'Get one conversation by ID with its parts (up to 500 messages, notes and actions), tags, contacts and state',
	method: 'GET',
	path: '/conversations/{conversation_id}',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [conversationLocator()],
	collections: [
		{
			name: 'options',
			displayName: 'Options',
			placeholder: 'Add Option',
			options: [
				plainTextOption(),
				downloadAttachmentsOption(),
				{
					in: 'query',
					key: 'include_translations',
					convert: 'boolean',
					whenTrue: true,
					property: {
						displayName: 'Include Translations',
						name: 'includeTranslations',
						type: 'boolean',
						default: false,
						description: "Whether to translate the conversation parts into the conversation's detected language",
					},
				},
			],
		},
	],
	linkedFiles: {
		option: 'options.downloadAttachments',
		lists: ['source.attachments', 'conversation_parts.conversation_parts.*.attachments'],
		prefix: 'attachment_',
	},
};
