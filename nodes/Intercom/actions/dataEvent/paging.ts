import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getPath } from '../../../shared/transport/pagination';
import type { OperationContext } from '../types';

/**
 * The query of the page after this one, from the event list's `pages.next`, or undefined on the
 * last page. Intercom links the next page as a full URL; only its query is taken and sent to the
 * credential's own base URL, so a link can never carry the token to another host or path.
 */
export function nextEventsQuery(ctx: OperationContext, body: IDataObject, current: IDataObject): IDataObject | undefined {
	const next = getPath(body, 'pages.next');
	if (next === undefined || next === null || next === '') return undefined;
	let url: URL | undefined;
	try {
		url = typeof next === 'string' ? new URL(next, 'https://api.intercom.io') : undefined;
	} catch {
		url = undefined;
	}
	if (!url || !url.pathname.endsWith('/events')) {
		throw new NodeOperationError(ctx.fn.getNode(), "Intercom's link to the next page of events could not be followed", {
			itemIndex: ctx.itemIndex,
			description: `pages.next was ${JSON.stringify(next).slice(0, 200)}`,
		});
	}
	const query: IDataObject = Object.fromEntries(url.searchParams.entries());
	// A link back to the page just read would loop for ever: that is the last page.
	const same = Object.keys(query).length === Object.keys(current).length && Object.entries(query).every(([k, v]) => String(current[k]) === v);
	return same ? undefined : query;
}
