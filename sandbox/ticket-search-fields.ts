/**
 * Searchable fields of tickets (the "Accepted Fields" table of POST /tickets/search in 2.14),
 * mapped onto ticket records. Dates compare to the second with `>`/`<` inclusive, as for
 * conversations; `category` takes Intercom's search terms (request, task, tracker), and
 * `ticket_attribute.{id}` is typed by the attribute's data type.
 */
import type { FieldType, SearchField, SearchModel } from './search';
import { stateOf } from './store/ticket-ops';
import type { TicketRecord } from './store/types';
import type { Workspace } from './store/workspace';

type T = TicketRecord;

const CATEGORY_TERMS: Record<string, string> = { Customer: 'request', 'Back-office': 'task', Tracker: 'tracker' };

const ATTRIBUTE_TYPES: Record<string, FieldType> = { string: 'string', list: 'string', integer: 'integer', decimal: 'integer', boolean: 'boolean', datetime: 'date' };

function ticketFields(ws: Workspace): Record<string, SearchField<T>> {
	return {
		id: { type: 'string', get: (t) => t.id },
		created_at: { type: 'date', get: (t) => t.created_at },
		updated_at: { type: 'date', get: (t) => t.updated_at },
		title: { type: 'string', get: (t) => (t.attributes._default_title_ as string | undefined) ?? null },
		description: { type: 'string', get: (t) => (t.attributes._default_description_ as string | undefined) ?? null },
		category: { type: 'string', get: (t) => CATEGORY_TERMS[ws.ticketTypes.get(t.ticketTypeId)?.category ?? 'Customer'] },
		ticket_type_id: { type: 'string', get: (t) => t.ticketTypeId },
		contact_ids: { type: 'list', get: (t) => t.contactIds },
		teammate_ids: { type: 'list', get: (t) => [...new Set(t.parts.filter((p) => p.author.type === 'admin').map((p) => p.author.id))] },
		admin_assignee_id: { type: 'string', get: (t) => t.admin_assignee_id },
		team_assignee_id: { type: 'string', get: (t) => t.team_assignee_id },
		open: { type: 'boolean', get: (t) => t.open },
		state: { type: 'string', get: (t) => stateOf(ws, t).category },
		snoozed_until: { type: 'date', get: (t) => t.snoozed_until },
	};
}

function attributeField(ws: Workspace, id: string): SearchField<T> | undefined {
	for (const type of ws.ticketTypes.values()) {
		const attribute = type.attributes.find((a) => a.id === id);
		if (attribute) return { type: ATTRIBUTE_TYPES[attribute.data_type] ?? 'string', get: (t) => t.attributes[attribute.name] ?? null };
	}
	return undefined;
}

export function ticketSearchModel(ws: Workspace): SearchModel<T> {
	const fields = ticketFields(ws);
	return {
		name: 'ticket',
		dateMode: 'inclusive-seconds',
		timeZone: ws.timezone,
		field: (name) => (name.startsWith('ticket_attribute.') ? attributeField(ws, name.slice('ticket_attribute.'.length)) : fields[name]),
	};
}
