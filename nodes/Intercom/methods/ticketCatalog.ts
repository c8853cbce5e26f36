/**
 * What the editor's ticket lists need to know about the workspace: the ticket type a parameter
 * points at (chosen directly, or through the chosen ticket) and how ticket attributes search.
 * Helpers only; the registered methods are in ticketOptions.ts and ticketSearch.ts.
 */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { IntercomClient } from '../../shared/transport/client';
import type { SearchFieldType } from '../actions/search/catalog';

export async function getJson(fn: ILoadOptionsFunctions, path: string, pathParams?: Record<string, string>): Promise<IDataObject> {
	const client = await IntercomClient.create(fn);
	return await client.request<IDataObject>({ method: 'GET', path, pathParams });
}

/** A parameter's value when it is a plain value (not an unresolved expression), else undefined. */
export function currentValue(fn: ILoadOptionsFunctions, name: string): string | undefined {
	let value: unknown;
	try {
		value = fn.getCurrentNodeParameter(name, { extractValue: true });
	} catch {
		return undefined;
	}
	if (value && typeof value === 'object') value = (value as IDataObject).value;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return text !== '' && !text.startsWith('=') && /^\d+$/.test(text) ? text : undefined;
}

/** The ticket type the node's parameters point at: the chosen type, or the chosen ticket's type. */
export async function chosenTicketType(fn: ILoadOptionsFunctions): Promise<IDataObject | undefined> {
	const typeId = currentValue(fn, 'ticketTypeId');
	if (typeId) return await getJson(fn, '/ticket_types/{ticket_type_id}', { ticket_type_id: typeId });
	const ticketId = currentValue(fn, 'ticketId');
	if (!ticketId) return undefined;
	const ticket = await getJson(fn, '/tickets/{ticket_id}', { ticket_id: ticketId });
	const id = (ticket.ticket_type as IDataObject | undefined)?.id;
	return id === undefined ? undefined : await getJson(fn, '/ticket_types/{ticket_type_id}', { ticket_type_id: String(id) });
}

/** How a ticket attribute's data type searches. */
export const ATTRIBUTE_SEARCH_TYPES: Record<string, SearchFieldType> = {
	string: 'string',
	list: 'string',
	integer: 'integer',
	decimal: 'float',
	boolean: 'boolean',
	datetime: 'date',
};

/** The search type of `ticket_attribute.<id>`, from the workspace's ticket types. */
export async function ticketAttributeSearchType(fn: ILoadOptionsFunctions, attributeId: string): Promise<SearchFieldType | undefined> {
	const types = (await getJson(fn, '/ticket_types')).data as IDataObject[] | undefined;
	for (const type of types ?? []) {
		const list = (type.ticket_type_attributes ?? {}) as IDataObject;
		const attributes = (list.data ?? list.ticket_type_attributes ?? []) as IDataObject[];
		const found = attributes.find((a) => String(a.id) === attributeId);
		if (found) return ATTRIBUTE_SEARCH_TYPES[String(found.data_type)];
	}
	return undefined;
}
