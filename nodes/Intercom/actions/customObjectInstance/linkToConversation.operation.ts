import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { linkCheck, linksField } from './shared';

export const linkToConversation: OperationDefinition = {
	resource: 'customObjectInstance',
	value: 'linkToConversation',
	name: 'Link to Conversation',
	action: 'Link custom object instances to a conversation',
	description:
		'Set which custom object instances are linked to a conversation through its relationship attributes (such as the order a conversation is about); returns the conversation',
	method: 'PUT',
	path: '/conversations/{conversation_id}',
	pathLabels: { conversation_id: 'Conversation' },
	subject: 'Conversation',
	fields: [conversationLocator(), linksField],
	checks: [linkCheck],
};
