import { conversationLocator, customAttributesOptions } from '../fields';
import type { OperationDefinition } from '../types';
import { CONVERSATION_PATH_LABELS, plainTextOption } from './shared';

const UPDATE_FIELDS = { name: 'updateFields', displayName: 'Update Fields' };

export const update: OperationDefinition = {
	resource: 'conversation',
	value: 'update',
	name: 'Update',
	action: 'Update a conversation',
	description:
		"Change a conversation's title, read state, company or custom attributes (to reply, close, snooze or assign use those operations)",
	method: 'PUT',
	path: '/conversations/{conversation_id}',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [conversationLocator()],
	collections: [
		{
			...UPDATE_FIELDS,
			options: [
				{
					in: 'body',
					key: 'company_id',
					property: {
						displayName: 'Company ID',
						name: 'companyId',
						type: 'string',
						default: '',
						description: "Intercom's ID of the company the conversation is about",
					},
				},
				...customAttributesOptions('getConversationAttributes', 'conversation'),
				{
					in: 'body',
					key: 'read',
					convert: 'boolean',
					property: {
						displayName: 'Read',
						name: 'read',
						type: 'boolean',
						default: true,
						description: 'Whether the conversation is marked as read',
					},
				},
				{
					in: 'body',
					key: 'title',
					property: { displayName: 'Title', name: 'title', type: 'string', default: '', description: "The conversation's title" },
				},
			],
		},
		{ name: 'options', displayName: 'Options', placeholder: 'Add Option', options: [plainTextOption()] },
	],
	checks: [{ anyOf: ['body'], parameter: UPDATE_FIELDS.displayName, message: 'add at least one field to change' }],
};
