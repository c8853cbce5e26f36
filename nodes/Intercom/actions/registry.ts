import type { ResourceInfo } from './describe';
import { adminOperations } from './admin';
import { articleOperations } from './article';
import { companyOperations } from './company';
import { contactOperations } from './contact';
import { conversationOperations } from './conversation';
import { tagOperations } from './tag';
import type { OperationDefinition } from './types';

/** Every resource the node offers, in the order the editor lists them. */
export const resources: ResourceInfo[] = [
	{ value: 'contact', name: 'Contact', description: 'Users and leads of the workspace' },
	{ value: 'conversation', name: 'Conversation', description: 'Conversations between contacts and teammates' },
	{ value: 'article', name: 'Article', description: 'Help Center articles' },
	{ value: 'company', name: 'Company', description: 'Companies your contacts belong to' },
	{ value: 'admin', name: 'Admin', description: 'Teammates of the workspace' },
	{ value: 'tag', name: 'Tag', description: 'Tags to put on contacts and conversations' },
];

/** Every operation of the node. The node description, the router, the README table and the coverage test all read this list. */
export const operations: OperationDefinition[] = [
	...contactOperations,
	...conversationOperations,
	...articleOperations,
	...adminOperations,
	...tagOperations,
	...companyOperations,
];
