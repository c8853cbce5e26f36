import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every webhook topic of Intercom's webhook reference ("Webhook Topics", developers.intercom.com,
 * checked 2026-12) for the objects this package works with: admins, articles, companies, contacts,
 * conversations and tickets, plus `ping`. The topic names are Intercom's, letter for letter
 * (`contact.unarchive` really has no "d"). `object` is where the item lands in the output.
 */
export interface TopicDefinition {
	topic: string;
	group: 'Admin' | 'Article' | 'Company' | 'Contact' | 'Conversation' | 'Ping' | 'Ticket';
	label: string;
	description: string;
}

export const TOPICS: TopicDefinition[] = [
	{ topic: 'admin.activity_log_event.created', group: 'Admin', label: 'Activity Log Entry Created', description: 'A new entry in the admins\' activity log' },
	{ topic: 'admin.added_to_workspace', group: 'Admin', label: 'Added to Workspace', description: 'An admin was added to the workspace' },
	{ topic: 'admin.away_mode_updated', group: 'Admin', label: 'Away Mode Updated', description: 'An admin turned away mode on or off' },
	{ topic: 'admin.logged_in', group: 'Admin', label: 'Logged In', description: 'An admin logged in to the workspace' },
	{ topic: 'admin.logged_out', group: 'Admin', label: 'Logged Out', description: 'An admin logged out, or their SAML session expired' },
	{ topic: 'admin.removed_from_workspace', group: 'Admin', label: 'Removed From Workspace', description: 'An admin was removed from the workspace' },

	{ topic: 'article.created', group: 'Article', label: 'Created', description: 'A Help Center article was created' },
	{ topic: 'article.deleted', group: 'Article', label: 'Deleted', description: 'An article was deleted (minimal payload: its ID)' },
	{ topic: 'article.published', group: 'Article', label: 'Published', description: 'An article was published' },
	{ topic: 'article.unpublished', group: 'Article', label: 'Unpublished', description: 'An article was unpublished' },
	{ topic: 'article.updated', group: 'Article', label: 'Updated', description: 'An article was changed' },

	{ topic: 'company.contact.attached', group: 'Company', label: 'Contact Attached', description: 'A contact was attached to a company' },
	{ topic: 'company.contact.detached', group: 'Company', label: 'Contact Detached', description: 'A contact was detached from a company' },
	{ topic: 'company.created', group: 'Company', label: 'Created', description: 'A company was created' },
	{ topic: 'company.deleted', group: 'Company', label: 'Deleted', description: 'A company was deleted (minimal payload: its ID)' },
	{ topic: 'company.updated', group: 'Company', label: 'Updated', description: 'A company was changed' },

	{ topic: 'contact.archived', group: 'Contact', label: 'Archived', description: 'A contact was archived' },
	{ topic: 'contact.deleted', group: 'Contact', label: 'Deleted', description: 'A contact was deleted (minimal payload: its ID)' },
	{ topic: 'contact.email.updated', group: 'Contact', label: 'Email Updated', description: 'A contact\'s email address changed' },
	{ topic: 'contact.lead.added_email', group: 'Contact', label: 'Lead Added Email', description: 'A lead gave an email address' },
	{ topic: 'contact.lead.created', group: 'Contact', label: 'Lead Created', description: 'A lead was created' },
	{ topic: 'contact.lead.signed_up', group: 'Contact', label: 'Lead Signed Up', description: 'A lead became a user' },
	{ topic: 'contact.lead.tag.created', group: 'Contact', label: 'Lead Tagged', description: 'A tag was applied to a lead' },
	{ topic: 'contact.lead.tag.deleted', group: 'Contact', label: 'Lead Untagged', description: 'A tag was removed from a lead' },
	{ topic: 'contact.lead.updated', group: 'Contact', label: 'Lead Updated', description: 'A lead was changed' },
	{ topic: 'contact.merged', group: 'Contact', label: 'Merged', description: 'A lead was merged into a user (the item is the user, with merged_from)' },
	{ topic: 'contact.subscribed', group: 'Contact', label: 'Subscribed to Email', description: 'A contact subscribed to email' },
	{ topic: 'contact.unarchive', group: 'Contact', label: 'Unarchived', description: 'An archived contact was restored' },
	{ topic: 'contact.unsubscribed', group: 'Contact', label: 'Unsubscribed From Email', description: 'A contact unsubscribed from email' },
	{ topic: 'contact.user.created', group: 'Contact', label: 'User Created', description: 'A user was created' },
	{ topic: 'contact.user.tag.created', group: 'Contact', label: 'User Tagged', description: 'A tag was applied to a user' },
	{ topic: 'contact.user.tag.deleted', group: 'Contact', label: 'User Untagged', description: 'A tag was removed from a user' },
	{ topic: 'contact.user.updated', group: 'Contact', label: 'User Updated', description: 'A user was changed' },
	{ topic: 'granular.subscribe', group: 'Contact', label: 'Subscription Type Opted In', description: 'A contact subscribed to a subscription type' },
	{ topic: 'granular.unsubscribe', group: 'Contact', label: 'Subscription Type Opted Out', description: 'A contact unsubscribed from a subscription type' },
	{ topic: 'visitor.signed_up', group: 'Contact', label: 'Visitor Signed Up', description: 'A visitor became a user' },

	{ topic: 'conversation.admin.assigned', group: 'Conversation', label: 'Admin Assigned', description: 'A conversation was assigned' },
	{ topic: 'conversation.admin.closed', group: 'Conversation', label: 'Admin Closed', description: 'An admin closed a conversation' },
	{ topic: 'conversation.admin.noted', group: 'Conversation', label: 'Admin Noted', description: 'An admin added an internal note' },
	{ topic: 'conversation.admin.open.assigned', group: 'Conversation', label: 'Admin Open Assigned', description: 'An open conversation was assigned' },
	{ topic: 'conversation.admin.opened', group: 'Conversation', label: 'Admin Opened', description: 'An admin reopened a conversation' },
	{ topic: 'conversation.admin.replied', group: 'Conversation', label: 'Admin Replied', description: 'An admin replied' },
	{ topic: 'conversation.admin.single.created', group: 'Conversation', label: 'Admin Started', description: 'An admin started a 1:1 conversation' },
	{ topic: 'conversation.admin.snoozed', group: 'Conversation', label: 'Admin Snoozed', description: 'An admin snoozed a conversation' },
	{ topic: 'conversation.admin.unsnoozed', group: 'Conversation', label: 'Admin Unsnoozed', description: 'A snoozed conversation woke up' },
	{ topic: 'conversation.company.updated', group: 'Conversation', label: 'Company Updated', description: 'The company of a conversation changed' },
	{ topic: 'conversation.contact.attached', group: 'Conversation', label: 'Contact Attached', description: 'A contact joined a conversation' },
	{ topic: 'conversation.contact.detached', group: 'Conversation', label: 'Contact Detached', description: 'A contact was removed from a conversation' },
	{ topic: 'conversation.deleted', group: 'Conversation', label: 'Deleted', description: 'A conversation was deleted (minimal payload: its ID)' },
	{ topic: 'conversation.operator.replied', group: 'Conversation', label: 'Fin or Bot Replied', description: 'Fin or a bot replied' },
	{ topic: 'conversation_part.redacted', group: 'Conversation', label: 'Part Redacted', description: 'A conversation part was redacted' },
	{ topic: 'conversation_part.tag.created', group: 'Conversation', label: 'Part Tagged', description: 'A conversation part was tagged' },
	{ topic: 'conversation.priority.updated', group: 'Conversation', label: 'Priority Updated', description: 'A conversation\'s priority changed' },
	{ topic: 'conversation.rating.added', group: 'Conversation', label: 'Rating Added', description: 'A contact rated a conversation' },
	{ topic: 'conversation.read', group: 'Conversation', label: 'Read', description: 'A contact read a conversation' },
	{ topic: 'conversation.user.created', group: 'Conversation', label: 'User Started', description: 'A user or lead started a conversation' },
	{ topic: 'conversation.user.replied', group: 'Conversation', label: 'User Replied', description: 'A user, lead or visitor replied' },

	{ topic: 'ping', group: 'Ping', label: 'Ping', description: 'Sent when the subscription is tested from the Developer Hub, and now and then by Intercom' },

	{ topic: 'ticket.admin.assigned', group: 'Ticket', label: 'Admin Assigned', description: 'A ticket was assigned to an admin' },
	{ topic: 'ticket.admin.replied', group: 'Ticket', label: 'Admin Replied', description: 'An admin replied on a ticket' },
	{ topic: 'ticket.attribute.updated', group: 'Ticket', label: 'Attribute Updated', description: 'A ticket attribute changed' },
	{ topic: 'ticket.closed', group: 'Ticket', label: 'Closed', description: 'A ticket conversation was closed' },
	{ topic: 'ticket.contact.attached', group: 'Ticket', label: 'Contact Attached', description: 'A contact was attached to a ticket' },
	{ topic: 'ticket.contact.detached', group: 'Ticket', label: 'Contact Detached', description: 'A contact was detached from a ticket' },
	{ topic: 'ticket.contact.replied', group: 'Ticket', label: 'Contact Replied', description: 'A contact replied on a ticket' },
	{ topic: 'ticket.created', group: 'Ticket', label: 'Created', description: 'A ticket was created' },
	{ topic: 'ticket.note.created', group: 'Ticket', label: 'Note Created', description: 'A note was added to a ticket' },
	{ topic: 'ticket.rating.provided', group: 'Ticket', label: 'Rating Provided', description: 'A contact rated a ticket' },
	{ topic: 'ticket.resolved', group: 'Ticket', label: 'Resolved', description: 'A ticket\'s state became resolved' },
	{ topic: 'ticket.state.updated', group: 'Ticket', label: 'State Updated', description: 'A ticket\'s state changed' },
	{ topic: 'ticket.team.assigned', group: 'Ticket', label: 'Team Assigned', description: 'A ticket was assigned to a team' },
];

export const TOPIC_NAMES = new Set(TOPICS.map((t) => t.topic));

/** The multi-select's options: "<Object>: <event>", so the alphabetical list reads grouped by object. */
export const TOPIC_OPTIONS: INodePropertyOptions[] = TOPICS.map((t) => ({
	name: t.group === 'Ping' ? 'Ping' : `${t.group}: ${t.label}`,
	value: t.topic,
	description: `${t.description} (<code>${t.topic}</code>)`,
})).sort((a, b) => a.name.localeCompare(b.name));
