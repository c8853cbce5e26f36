import type { IDataObject } from 'n8n-workflow';

import { failParameter } from '../../../shared/values';
import { conversationLocator, dynamicOptions } from '../fields';
import type { OperationDefinition } from '../types';
import { applyPlainText, CONVERSATION_PATH_LABELS, plainTextOption } from './shared';

const UPDATE_FIELDS = { name: 'updateFields', displayName: 'Update Fields' };
const PAIRS = { name: 'customAttributes', displayName: 'Custom Attributes' };
const JSON_ATTRIBUTES = { name: 'customAttributesJson', displayName: 'Custom Attributes (JSON)' };

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
				{
					in: 'body',
					key: 'custom_attributes',
					convert: 'keyValue',
					property: {
						displayName: PAIRS.displayName,
						name: PAIRS.name,
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Attribute',
						default: {},
						description: 'Values of conversation data attributes, sent as text; use Custom Attributes (JSON) for numbers, booleans and lists',
						options: [
							{
								displayName: 'Attribute',
								name: 'attribute',
								values: [
									dynamicOptions('name', 'Attribute Name or ID', 'getConversationAttributes'),
									{ displayName: 'Value', name: 'value', type: 'string', default: '' },
								],
							},
						],
					},
				},
				{
					in: 'body',
					key: 'custom_attributes',
					convert: 'json',
					property: {
						displayName: JSON_ATTRIBUTES.displayName,
						name: JSON_ATTRIBUTES.name,
						type: 'json',
						default: '{}',
						description: 'Conversation data attributes as a JSON object, such as {"priority": "High", "order": ["21"]}',
					},
				},
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
	build: (ctx, request) => {
		const node = ctx.fn.getNode();
		const chosen = ctx.param<IDataObject>(UPDATE_FIELDS.name, {}) ?? {};
		if (PAIRS.name in chosen && JSON_ATTRIBUTES.name in chosen) {
			failParameter(
				node,
				JSON_ATTRIBUTES.displayName,
				ctx.itemIndex,
				`cannot be used together with "${PAIRS.displayName}"`,
				'Set custom attributes either as name/value pairs or as one JSON object.',
			);
		}
		const attributes = request.body.custom_attributes;
		if (attributes !== undefined && (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes))) {
			failParameter(node, JSON_ATTRIBUTES.displayName, ctx.itemIndex, 'a JSON object ({ … }) is required');
		}
		if (attributes !== undefined && Object.keys(attributes as IDataObject).length === 0) delete request.body.custom_attributes;
		if (Object.keys(request.body).length === 0) {
			failParameter(node, UPDATE_FIELDS.displayName, ctx.itemIndex, 'add at least one field to change');
		}
		applyPlainText(request);
	},
};
