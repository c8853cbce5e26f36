/**
 * Conversation events, from POST /conversations/search (and GET /conversations/{id} for parts).
 *
 * Conversation search compares dates to the second, but Intercom's `>` means "greater or equal":
 * the query asks for `> from - 1`, which is right under either reading, and the cursor drops what
 * was already emitted.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { IntercomClient } from '../../shared/transport/client';
import { compareKeys } from '../cursor';
import { readOutOfOrder } from '../out-of-order';
import { eventKey, readNewest, readOldestFirst, type RecordSource, type TriggerEvent, type WindowRead } from '../reading';
import type { PartKind } from '../settings';
import type { PollStream, StreamContext } from './types';

/** Conversations sorted by `updated_at`: an update moves one to its new place in the sort. */
const BY_UPDATE = { field: 'updated_at', sort: true };

type ConversationEvent = 'conversation.created' | 'conversation.updated' | 'conversation.closed';

const CUSTOMER_AUTHORS = new Set(['user', 'lead', 'contact']);
const TEAM_AUTHORS = new Set(['admin', 'team', 'bot']);
const ASSIGNMENT_PARTS = new Set(['assignment', 'default_assignment', 'assign_and_reopen', 'away_mode_assignment']);

/** Which of the trigger's kinds a conversation part is, if any. */
export function partKind(part: IDataObject): PartKind | undefined {
	const type = String(part.part_type ?? '');
	const author = String((part.author as IDataObject | undefined)?.type ?? '');
	if (type === 'comment' || type === 'quick_reply') {
		if (CUSTOMER_AUTHORS.has(author)) return 'customerReply';
		if (TEAM_AUTHORS.has(author)) return 'adminReply';
		return undefined;
	}
	if (type === 'note' || type === 'note_and_reopen') return 'note';
	if (ASSIGNMENT_PARTS.has(type)) return 'assignment';
	if (type === 'close') return 'close';
	return undefined;
}

/**
 * Conversations whose `field` is at or after `value` (and before `before`, when given; Intercom's
 * `<` may include its value, which the read then drops). The field is also the order, unless it
 * is a statistic.
 */
function searchSource(field: string, value: number, eventsOf: RecordSource['eventsOf'], before?: number): RecordSource {
	const orderField = field.startsWith('statistics.') ? 'updated_at' : field;
	const since: IDataObject = { field, operator: '>', value };
	const query = before === undefined ? since : { operator: 'AND', value: [since, { field, operator: '<', value: before }] };
	return {
		request: {
			method: 'POST',
			path: '/conversations/search',
			body: { query },
			idempotent: true,
		},
		pagination: 'search',
		itemsPath: 'conversations',
		timeOf: (record) => Number(record[orderField]),
		eventsOf,
	};
}

function eventsFor(event: ConversationEvent, now: number): RecordSource['eventsOf'] {
	return (record) => {
		const id = String(record.id);
		// A close has no other time to fall back on: the search found it by last_close_at, so it has one.
		const key =
			event === 'conversation.closed'
				? eventKey((record.statistics as IDataObject | undefined) ?? {}, event, id, 'last_close_at', now, [])
				: eventKey(record, event, id, event === 'conversation.created' ? 'created_at' : 'updated_at', now);
		return [{ ...key, event, data: { conversation: record }, conversationId: id }];
	};
}

async function getConversation(client: IntercomClient, id: string): Promise<IDataObject> {
	return await client.request<IDataObject>({
		method: 'GET',
		path: '/conversations/{conversation_id}',
		pathParams: { conversation_id: id },
		subject: `Conversation ${id}`,
	});
}

/**
 * A conversation found by search, or undefined when it was deleted since (a 404): search lags
 * behind a deletion, and a deleted conversation has no parts left to report.
 */
async function getFoundConversation(client: IntercomClient, id: string): Promise<IDataObject | undefined> {
	// Any other failure stays the transport's own error (and fails the poll before the cursor moves).
	return await getConversation(client, id).catch(async (error: unknown) =>
		error instanceof NodeApiError && error.httpCode === '404' ? undefined : await Promise.reject(error),
	);
}

function withoutParts(conversation: IDataObject): IDataObject {
	const { conversation_parts: _parts, ...rest } = conversation;
	return rest;
}

function partsOf(conversation: IDataObject): IDataObject[] {
	const list = (conversation.conversation_parts as IDataObject | undefined)?.conversation_parts;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function partEvents(conversation: IDataObject, kinds: PartKind[], includeFull: boolean, now: number): TriggerEvent[] {
	const summary = includeFull ? conversation : withoutParts(conversation);
	const events: TriggerEvent[] = [];
	for (const part of partsOf(conversation)) {
		const kind = partKind(part);
		const event = 'conversation_part.created';
		events.push({
			...eventKey(part, event, String(part.id), 'created_at', now, ['updated_at']),
			event,
			data: { part: { ...part, kind: kind ?? null }, conversation: summary },
			conversationId: String(conversation.id),
			// A part of a kind not chosen was read all the same: it moves the cursor, silently.
			...(kind && kinds.includes(kind) ? {} : { silent: true }),
		});
	}
	return events;
}

/** Replaces each event's conversation by the full one (with parts), one GET per conversation. */
async function withFullConversations(events: TriggerEvent[], ctx: StreamContext): Promise<TriggerEvent[]> {
	if (!ctx.settings.includeFullConversation) return events;
	const fetched = new Map<string, IDataObject | undefined>();
	const out: TriggerEvent[] = [];
	for (const e of events) {
		const id = e.conversationId!;
		if (!fetched.has(id)) fetched.set(id, await getFoundConversation(ctx.client, id));
		// Deleted since it was found: the event stands, with the conversation as search returned it.
		const full = fetched.get(id);
		out.push(full ? { ...e, data: { ...e.data, conversation: full } } : e);
	}
	return out;
}

export function conversationStream(event: ConversationEvent): PollStream {
	// Closing a conversation updates it, so closes since `from` are among the conversations updated since.
	const field = event === 'conversation.created' ? 'created_at' : event === 'conversation.closed' ? 'statistics.last_close_at' : 'updated_at';
	return {
		async read(ctx: StreamContext): Promise<WindowRead> {
			// A close's time is not the order the search can return, so that window is read whole
			// (narrowed to what fits a poll's time budget, see boundedWindows).
			// Sorted by updated_at, so that a single second of closes too large for a poll goes on at its
			// search position over the next polls (handled out of order, see out-of-order.ts).
			if (event === 'conversation.closed') {
				const source = searchSource(field, ctx.limits.from - 1, eventsFor(event, ctx.now), ctx.limits.to);
				return await readOutOfOrder(ctx.client, source, ctx.limits, BY_UPDATE);
			}
			return await readOldestFirst(ctx.client, searchSource(field, ctx.limits.from - 1, eventsFor(event, ctx.now)), ctx.limits, field);
		},
		boundedWindows: event === 'conversation.closed',
		async sample(ctx: StreamContext) {
			const records = searchSource(field, 0, eventsFor(event, ctx.now));
			const newest = await readNewest(ctx.client, records, 1, field.startsWith('statistics.') ? 'updated_at' : field);
			return await withFullConversations(newest.flatMap(records.eventsOf), ctx);
		},
		finish: withFullConversations,
	};
}

export const conversationPartStream: PollStream = {
	async read(ctx: StreamContext): Promise<WindowRead> {
		// A new part updates its conversation: every part since `from` is in a conversation updated since.
		// A part's time says nothing of the order conversations are found in: a window that does not fit
		// one poll is handled out of order (out-of-order.ts), conversation by conversation, over the polls.
		const { settings } = ctx;
		return await readOutOfOrder(ctx.client, searchSource('updated_at', ctx.limits.from - 1, () => []), ctx.limits, BY_UPDATE, async (summary) => {
			const conversation = await getFoundConversation(ctx.client, String(summary.id));
			return conversation ? partEvents(conversation, settings.partKinds, settings.includeFullConversation, ctx.now) : [];
		});
	},
	async sample(ctx: StreamContext) {
		const newest = await readNewest(ctx.client, searchSource('updated_at', 0, () => []), 1, 'updated_at');
		if (newest.length === 0) return [];
		const conversation = await getConversation(ctx.client, String(newest[0].id));
		const events = partEvents(conversation, ctx.settings.partKinds, ctx.settings.includeFullConversation, ctx.now).filter((e) => !e.silent);
		const latest = events.sort((a, b) => compareKeys(b.key, a.key))[0];
		return latest ? [latest] : [];
	},
};
