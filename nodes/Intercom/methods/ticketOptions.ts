import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { attributesOfType } from '../actions/ticket/attributes';
import { SEARCH_FIELDS, TICKET_ATTRIBUTE_PREFIX } from '../actions/search/catalog';
import { ATTRIBUTE_SEARCH_TYPES, chosenTicketType, currentValue, getJson } from './ticketCatalog';

// Every exported function here is a loadOptions method (the node registers the whole module).

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

const ATTRIBUTE_LABELS: Record<string, string> = { _default_title_: 'Title', _default_description_: 'Description' };

function stateOption(state: IDataObject, types?: string): INodePropertyOptions {
	const label = String(state.internal_label ?? state.id);
	const category = String(state.category ?? '').replace(/_/g, ' ');
	return { name: label.toLowerCase() === category ? label : `${label} (${category})`, value: String(state.id), description: types };
}

/**
 * The states a ticket can move to: those of the chosen ticket's type, or, with no ticket chosen
 * (an expression), every state of the workspace with the types that use it.
 */
export async function getTicketStates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const type = currentValue(this, 'ticketId') ? await chosenTicketType(this) : undefined;
	if (type) {
		return (((type.ticket_states as IDataObject | undefined)?.data ?? []) as IDataObject[]).map((s) => stateOption(s));
	}
	const states = ((await getJson(this, '/ticket_states')).data ?? []) as IDataObject[];
	return states
		.filter((s) => s.archived !== true)
		.map((s) => {
			const types = (((s.ticket_types as IDataObject | undefined)?.data ?? []) as IDataObject[]).map((t) => String(t.name));
			return stateOption(s, types.length > 0 ? `For: ${types.join(', ')}` : undefined);
		});
}

/** The attributes of the chosen ticket type (or of the chosen ticket's type), by name. */
export async function getTicketAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const type = await chosenTicketType(this);
	return attributesOfType(type).map((a) => ({
		name: ATTRIBUTE_LABELS[a.name] ?? a.name,
		value: a.name,
		description: `${a.data_type}${a.required_to_create ? ', required' : ''}`,
	}));
}

/** The attributes of the chosen ticket type, by ID (to update one). */
export async function getTicketTypeAttributeIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const type = await chosenTicketType(this);
	return attributesOfType(type).map((a) => ({
		name: ATTRIBUTE_LABELS[a.name] ?? a.name,
		value: String((a as unknown as IDataObject).id),
		description: a.data_type,
	}));
}

/** Who a ticket can be assigned to: nobody (0), an admin or a team. */
export async function getTicketAssignees(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const admins = ((await getJson(this, '/admins')).admins ?? []) as IDataObject[];
	const teams = ((await getJson(this, '/teams')).teams ?? []) as IDataObject[];
	return [
		{ name: 'Unassigned', value: '0' },
		...admins.map((a) => ({ name: `${a.name} (${a.email})`, value: String(a.id), description: 'Admin' })).sort(byName),
		...teams.map((t) => ({ name: `Team: ${t.name}`, value: String(t.id), description: 'Team' })).sort(byName),
	];
}

/** Ticket search fields: the standard ones, then each ticket type's attributes as `ticket_attribute.<id>`. */
export async function getTicketSearchFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const standard = [...SEARCH_FIELDS.ticket].map(([field, type]): INodePropertyOptions => ({ name: field, value: field, description: type })).sort(byName);
	const types = ((await getJson(this, '/ticket_types')).data ?? []) as IDataObject[];
	const attributes = types.flatMap((type) =>
		attributesOfType(type).map((a): INodePropertyOptions => ({
			name: `${String(type.name)} › ${ATTRIBUTE_LABELS[a.name] ?? a.name}`,
			value: `${TICKET_ATTRIBUTE_PREFIX}${String((a as unknown as IDataObject).id)}`,
			description: ATTRIBUTE_SEARCH_TYPES[a.data_type] ?? 'string',
		})),
	);
	return [...standard, ...attributes.sort(byName)];
}
