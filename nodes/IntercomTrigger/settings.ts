/**
 * The trigger's parameters, read and checked once per poll before any request is sent.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toUnixSeconds } from '../shared/values';
import type { ContactRole } from './streams/contacts';

export const EVENT_NAMES = [
	'contact.created',
	'contact.updated',
	'conversation.created',
	'conversation.updated',
	'conversation.closed',
	'conversation_part.created',
	'article.created',
	'article.updated',
	'admin.away_mode_changed',
	'admin.activity_log.created',
	'ticket.created',
	'ticket.state_changed',
	'company.created',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

export const PART_KINDS = ['customerReply', 'adminReply', 'note', 'assignment', 'close'] as const;

export type PartKind = (typeof PART_KINDS)[number];

export const DEFAULT_MAX_EVENTS_PER_POLL = 500;
export const MAX_MAX_EVENTS_PER_POLL = 10_000;
/**
 * Intercom documents that a new contact "may take a few minutes" to reach search. Ten minutes
 * covers that and a few minutes of difference between n8n's clock and Intercom's.
 */
export const DEFAULT_LATE_ARRIVAL_MINUTES = 10;

export interface TriggerSettings {
	event: EventName;
	contactRole: ContactRole;
	partKinds: PartKind[];
	onlyPublished: boolean;
	includeFullConversation: boolean;
	maxEventsPerPoll: number;
	/** Unix seconds; undefined means "now" at the first activation. */
	startAt?: number;
	lateArrivalSeconds: number;
}

function fail(ctx: IPollFunctions, parameter: string, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), `Parameter "${parameter}": ${message}`, { description });
}

function wholeNumber(ctx: IPollFunctions, value: unknown, parameter: string, min: number, max: number): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
		fail(ctx, parameter, `${JSON.stringify(value)} is not a whole number from ${min} to ${max}`);
	}
	return n;
}

/**
 * Start From: a date without a zone is a wall-clock time in the workflow's time zone (the zone n8n
 * shows the user), not the n8n host's, read as the action node reads its dates; anything else is
 * read as given.
 */
function startFrom(ctx: IPollFunctions, raw: unknown): number {
	return toUnixSeconds(raw, ctx.getNode(), 'Start From', 0, ctx.getTimezone());
}

export function readSettings(ctx: IPollFunctions): TriggerSettings {
	const event = ctx.getNodeParameter('event') as string;
	if (!(EVENT_NAMES as readonly string[]).includes(event)) {
		fail(ctx, 'Event', `"${event}" is not an event this trigger knows`, `Choose one of: ${EVENT_NAMES.join(', ')}.`);
	}
	const name = event as EventName;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;

	let contactRole: ContactRole = 'any';
	if (name.startsWith('contact.')) {
		contactRole = ctx.getNodeParameter('contactRole', 'any') as ContactRole;
		if (!['any', 'user', 'lead'].includes(contactRole)) fail(ctx, 'Contact Role', `"${contactRole}" is not any, user or lead`);
	}

	let partKinds: PartKind[] = [...PART_KINDS];
	if (name === 'conversation_part.created') {
		const raw = ctx.getNodeParameter('partKinds', PART_KINDS) as unknown;
		const list = Array.isArray(raw) ? raw.map(String) : [];
		const unknown = list.filter((k) => !(PART_KINDS as readonly string[]).includes(k));
		if (list.length === 0) fail(ctx, 'Part Kinds', 'choose at least one kind of part');
		if (unknown.length > 0) fail(ctx, 'Part Kinds', `unknown kind(s): ${unknown.join(', ')}`);
		partKinds = list as PartKind[];
	}

	const onlyPublished = name.startsWith('article.') ? Boolean(ctx.getNodeParameter('onlyPublished', false)) : false;

	const maxEventsPerPoll = wholeNumber(
		ctx,
		options.maxEventsPerPoll ?? DEFAULT_MAX_EVENTS_PER_POLL,
		'Max Events per Poll',
		1,
		MAX_MAX_EVENTS_PER_POLL,
	);
	const lateArrivalSeconds =
		60 * wholeNumber(ctx, options.lateArrivalMinutes ?? DEFAULT_LATE_ARRIVAL_MINUTES, 'Late Arrival Window (Minutes)', 0, 1440);
	const rawStart = options.startAt;
	const startAt = rawStart === undefined || rawStart === null || rawStart === '' ? undefined : startFrom(ctx, rawStart);

	return {
		event: name,
		contactRole,
		partKinds,
		onlyPublished,
		includeFullConversation: name.startsWith('conversation') && Boolean(options.includeFullConversation),
		maxEventsPerPoll,
		startAt,
		lateArrivalSeconds,
	};
}
