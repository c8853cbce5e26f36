import type { INodeProperties } from 'n8n-workflow';

import { AUTHENTICATION_PROPERTY } from '../shared/authentication';
import { DEFAULT_LATE_ARRIVAL_MINUTES, DEFAULT_MAX_EVENTS_PER_POLL, MAX_MAX_EVENTS_PER_POLL, PART_KINDS } from './settings';

const CONTACT_EVENTS = ['contact.created', 'contact.updated'];
const CONVERSATION_EVENTS = ['conversation.created', 'conversation.updated', 'conversation.closed', 'conversation_part.created'];

export const triggerProperties: INodeProperties[] = [
	AUTHENTICATION_PROPERTY,
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		required: true,
		default: 'contact.created',
		options: [
			{ name: 'Admin Activity Log Entry', value: 'admin.activity_log.created', description: 'A new entry in the admins\' activity log' },
			{ name: 'Admin Away Status Changed', value: 'admin.away_mode_changed', description: 'An admin set or cleared away mode' },
			{ name: 'Article Updated', value: 'article.updated', description: 'A help center article was changed' },
			{ name: 'Contact Updated', value: 'contact.updated', description: 'A user or lead was changed' },
			{ name: 'Conversation Closed', value: 'conversation.closed', description: 'A conversation was closed' },
			{ name: 'Conversation Updated', value: 'conversation.updated', description: 'Anything changed in a conversation' },
			{ name: 'New Article', value: 'article.created', description: 'A help center article was created' },
			{ name: 'New Company', value: 'company.created', description: 'A company was created' },
			{ name: 'New Contact', value: 'contact.created', description: 'A user or lead was created' },
			{ name: 'New Conversation', value: 'conversation.created', description: 'A conversation was started' },
			{
				name: 'New Conversation Part',
				value: 'conversation_part.created',
				description: 'A reply, note, assignment or close was added to a conversation',
			},
			{ name: 'New Ticket', value: 'ticket.created', description: 'A ticket was created' },
			{
				name: 'Ticket State Changed',
				value: 'ticket.state_changed',
				description: 'A ticket moved to another state (submitted, in progress, waiting on customer, resolved)',
			},
		],
	},
	{
		displayName:
			'Each item is one event: <code>event</code>, <code>event_id</code> (stable, for de-duplication), <code>occurred_at</code> (Unix seconds), <code>occurred_at_iso</code>, and the object under its own name (<code>contact</code>, <code>conversation</code>, <code>part</code> with its <code>conversation</code>, <code>article</code>, <code>admin</code>, <code>activity_log</code>, <code>ticket</code>, for a state change with its <code>part</code>, <code>previous_state</code> and <code>state</code>; <code>company</code>). Each event arrives once, oldest first within a poll, and across polls too except for records that reach Intercom search late and windows too large for one poll (see the README).',
		name: 'outputNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Contact Role',
		name: 'contactRole',
		type: 'options',
		default: 'any',
		displayOptions: { show: { event: CONTACT_EVENTS } },
		options: [
			{ name: 'Users and Leads', value: 'any' },
			{ name: 'Users Only', value: 'user' },
			{ name: 'Leads Only', value: 'lead' },
		],
	},
	{
		displayName: 'Part Kinds',
		name: 'partKinds',
		type: 'multiOptions',
		default: [...PART_KINDS],
		displayOptions: { show: { event: ['conversation_part.created'] } },
		description: 'Which parts to report',
		options: [
			{ name: 'Admin Reply', value: 'adminReply', description: 'A reply by an admin, a team or a bot' },
			{ name: 'Assignment', value: 'assignment' },
			{ name: 'Close', value: 'close' },
			{ name: 'Customer Reply', value: 'customerReply', description: 'A reply by a user or lead' },
			{ name: 'Note', value: 'note', description: 'An internal note' },
		],
	},
	{
		displayName: 'Only Published',
		name: 'onlyPublished',
		type: 'boolean',
		default: false,
		displayOptions: { show: { event: ['article.created', 'article.updated'] } },
		description: 'Whether to ignore articles that are drafts when the trigger sees them. For New Article, a draft published within the late-arrival window after its creation is still emitted; one published later is not (use Article Updated to catch publications).',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Full Conversation',
				name: 'includeFullConversation',
				type: 'boolean',
				default: false,
				displayOptions: { show: { '/event': CONVERSATION_EVENTS } },
				description:
					'Whether to output the whole conversation with its parts (up to 500, as Intercom returns them); costs one more request per conversation, except for New Conversation Part, which reads each conversation whole anyway',
			},
			{
				displayName: 'Late Arrival Window (Minutes)',
				name: 'lateArrivalMinutes',
				type: 'number',
				default: DEFAULT_LATE_ARRIVAL_MINUTES,
				typeOptions: { minValue: 0, maxValue: 1440 },
				description:
					'How long after its time a record may first appear in Intercom (its search indexes new contacts after a few minutes), plus any difference between the clocks of n8n and Intercom. Events are still emitted as soon as they appear; what was read is read once more after this window, and a record that appeared late is emitted then.',
			},
			{
				displayName: 'Max Events per Poll',
				name: 'maxEventsPerPoll',
				type: 'number',
				default: DEFAULT_MAX_EVENTS_PER_POLL,
				typeOptions: { minValue: 1, maxValue: MAX_MAX_EVENTS_PER_POLL },
				description: 'The most events one poll emits; a larger backlog is emitted over the next polls (in order, except a New Conversation Part or Conversation Closed backlog larger than this, a contact backlog larger than this on a day already busy before it, a Ticket State Changed window too large for one poll, and an article window drained over several polls: in order within each poll)',
			},
			{
				displayName: 'Start From',
				name: 'startAt',
				type: 'dateTime',
				default: '',
				description:
					'At the first activation, emit events from this time on (default: from the activation itself, with no history); a date without a time zone is in the workflow\'s time zone. Later changes of this option do not move the trigger back.',
			},
		],
	},
];
