import type { ResourceInfo } from './describe';
import { adminOperations } from './admin';
import { articleOperations } from './article';
import { companyOperations } from './company';
import { contactOperations } from './contact';
import { conversationOperations } from './conversation';
import { tagOperations } from './tag';
import { awayStatusReasonOperations } from './awayStatusReason';
import { dataAttributeOperations } from './dataAttribute';
import { dataEventOperations } from './dataEvent';
import { messageOperations } from './message';
import { noteOperations } from './note';
import { segmentOperations } from './segment';
import { subscriptionTypeOperations } from './subscriptionType';
import { teamOperations } from './team';
import { visitorOperations } from './visitor';
import { ticketOperations } from './ticket';
import { ticketTypeOperations } from './ticketType';
import { customObjectInstanceOperations } from './customObjectInstance';
import { finOperations } from './fin';
import { ipAllowlistOperations } from './ipAllowlist';
import { jobOperations } from './job';
import { phoneSwitchOperations } from './phoneSwitch';
import { callOperations } from './call';
import { dataExportOperations } from './dataExport';
import { reportingDataExportOperations } from './reportingDataExport';
import { helpCenterOperations } from './helpCenter';
import { collectionOperations } from './collection';
import { newsItemOperations } from './newsItem';
import { newsfeedOperations } from './newsfeed';
import { internalArticleOperations } from './internalArticle';
import { contentImportSourceOperations } from './contentImportSource';
import { externalPageOperations } from './externalPage';
import type { OperationDefinition } from './types';

/** Every resource the node offers, in the order the editor lists them. */
export const resources: ResourceInfo[] = [
	{ value: 'contact', name: 'Contact', description: 'Users and leads of the workspace' },
	{ value: 'conversation', name: 'Conversation', description: 'Conversations between contacts and teammates' },
	{ value: 'article', name: 'Article', description: 'Help Center articles' },
	{ value: 'company', name: 'Company', description: 'Companies your contacts belong to' },
	{ value: 'admin', name: 'Admin', description: 'Teammates of the workspace' },
	{ value: 'tag', name: 'Tag', description: 'Tags to put on contacts and conversations' },
	{ value: 'note', name: 'Note', description: 'Notes teammates leave on contacts' },
	{ value: 'dataEvent', name: 'Data Event', description: 'What contacts did in your product, with counts and metadata' },
	{ value: 'message', name: 'Message', description: 'Outbound messages from teammates to contacts' },
	{ value: 'dataAttribute', name: 'Data Attribute', description: 'The standard and custom attributes of contacts and companies' },
	{ value: 'segment', name: 'Segment', description: 'Saved groups of contacts' },
	{ value: 'team', name: 'Team', description: 'Teams of teammates' },
	{ value: 'subscriptionType', name: 'Subscription Type', description: 'Email and SMS topics contacts opt in to or out of' },
	{ value: 'awayStatusReason', name: 'Away Status Reason', description: 'Reasons teammates give when they are away' },
	{ value: 'visitor', name: 'Visitor', description: 'Anonymous people of the Messenger' },
	{ value: 'ticket', name: 'Ticket', description: 'Customer, back-office and tracker tickets' },
	{ value: 'ticketType', name: 'Ticket Type', description: 'Ticket types, their attributes and states' },
	{ value: 'customObjectInstance', name: 'Custom Object Instance', description: 'Records of your own object types (such as orders) and their links' },
	{ value: 'fin', name: 'Fin Agent', description: 'Fin answering users of your own channels' },
	{ value: 'ipAllowlist', name: 'IP Allowlist', description: 'The addresses allowed to call the API' },
	{ value: 'job', name: 'Job', description: 'Work Intercom does in the background' },
	{ value: 'phoneSwitch', name: 'Phone Switch', description: 'Phone calls redirected to the Messenger' },
	{ value: 'call', name: 'Call', description: 'Phone and Messenger calls, their recordings and transcripts' },
	{ value: 'dataExport', name: 'Data Export', description: 'Exports of message delivery and engagement data, as files' },
	{ value: 'reportingDataExport', name: 'Reporting Data Export', description: 'Exports of reporting datasets, as files' },
	{ value: 'helpCenter', name: 'Help Center', description: 'The Help Centers of the workspace' },
	{ value: 'collection', name: 'Help Center Collection', description: 'Collections and sections that organise Help Center articles' },
	{ value: 'newsItem', name: 'News Item', description: 'Announcements published on Messenger newsfeeds' },
	{ value: 'newsfeed', name: 'Newsfeed', description: 'The newsfeeds news items are published to, and what is live on each' },
	{ value: 'internalArticle', name: 'Internal Article', description: 'Knowledge for teammates, not published to customers' },
	{ value: 'contentImportSource', name: 'Content Import Source', description: 'Sources of external pages in the Fin Content Library (AI Content)' },
	{ value: 'externalPage', name: 'External Page', description: 'Pages Fin and Copilot answer from, added to the Fin Content Library (AI Content)' },
];

/** Every operation of the node. The node description, the router, the README table and the coverage test all read this list. */
export const operations: OperationDefinition[] = [
	...contactOperations,
	...conversationOperations,
	...articleOperations,
	...adminOperations,
	...tagOperations,
	...noteOperations,
	...dataEventOperations,
	...messageOperations,
	...dataAttributeOperations,
	...segmentOperations,
	...teamOperations,
	...subscriptionTypeOperations,
	...awayStatusReasonOperations,
	...visitorOperations,
	...ticketOperations,
	...ticketTypeOperations,
	...companyOperations,
	...customObjectInstanceOperations,
	...finOperations,
	...ipAllowlistOperations,
	...jobOperations,
	...phoneSwitchOperations,
	...callOperations,
	...dataExportOperations,
	...reportingDataExportOperations,
	...helpCenterOperations,
	...collectionOperations,
	...newsItemOperations,
	...newsfeedOperations,
	...internalArticleOperations,
	...contentImportSourceOperations,
	...externalPageOperations,
];
