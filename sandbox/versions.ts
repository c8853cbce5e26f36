/**
 * What changes between the API versions the sandbox serves, for the operations it simulates.
 * Handlers and the store speak 2.14; a request in a later version is brought to 2.14's shape
 * before its handler runs (`inBaseShape`), and the answer is given the shape of the version the
 * request named (`inVersionShape`). The differences come from the descriptions themselves
 * (`npm run spec:diff`, docs/api-versions-diff.md); only those that change a value the sandbox
 * produces are applied here; fields a version adds and the sandbox never fills are left out, as
 * Intercom leaves out what a workspace does not use.
 *
 * 2.15: `conversation.company` (the company the conversation is about, nullable): the sandbox
 *       relates no conversation to a company, so it is null.
 * 2.16: `contact.owner_id` is a string (was an integer), `ticket.admin_assignee_id` and
 *       `team_assignee_id` are integers (were strings, "0" for nobody), a conversation's
 *       `priority` is one of none, low, medium, high, urgent (was priority / not_priority: the
 *       sandbox answers high and none), and its assignee ids are no longer nullable (0 for nobody,
 *       as tickets always had). Requests: create/update contact take `owner_id` as a string.
 */
import { JsonText } from './api/context';
import type { SpecVersion } from './spec';

const ORDER: Record<SpecVersion, number> = { '2.14': 0, '2.15': 1, '2.16': 2 };
const atLeast = (version: SpecVersion, floor: SpecVersion) => ORDER[version] >= ORDER[floor];

type Json = Record<string, unknown>;

/** Visits every object of a JSON value (depth first), so nested contacts and conversations change too. */
function eachObject(value: unknown, visit: (object: Json) => void): void {
	if (Array.isArray(value)) for (const item of value) eachObject(item, visit);
	else if (value && typeof value === 'object') {
		visit(value as Json);
		for (const child of Object.values(value)) eachObject(child, visit);
	}
}

function conversationIn(version: SpecVersion, c: Json): void {
	if (atLeast(version, '2.15') && !('company' in c)) c.company = null;
	if (atLeast(version, '2.16')) {
		if (c.priority === 'priority') c.priority = 'high';
		else if (c.priority === 'not_priority') c.priority = 'none';
		if ('admin_assignee_id' in c && c.admin_assignee_id === null) c.admin_assignee_id = 0;
		if ('team_assignee_id' in c && c.team_assignee_id === null) c.team_assignee_id = 0;
	}
}

function contactIn(version: SpecVersion, c: Json): void {
	if (atLeast(version, '2.16') && typeof c.owner_id === 'number') c.owner_id = String(c.owner_id);
}

function ticketIn(version: SpecVersion, t: Json): void {
	if (!atLeast(version, '2.16')) return;
	for (const key of ['admin_assignee_id', 'team_assignee_id']) {
		if (typeof t[key] === 'string' && /^\d+$/.test(t[key] as string)) t[key] = Number(t[key]);
	}
}

/** An answer in the shape of `version` (2.14 answers pass through untouched). */
export function inVersionShape(version: SpecVersion, status: number, body: unknown): unknown {
	if (version === '2.14' || status >= 300 || body === undefined || body === null) return body;
	// Hot list endpoints answer pre-serialised JSON; a later version pays for one parse.
	const value = body instanceof JsonText ? JSON.parse(body.toBuffer().toString('utf8')) : structuredClone(body);
	eachObject(value, (object) => {
		if (object.type === 'conversation' && 'state' in object) conversationIn(version, object);
		else if (object.type === 'contact' && 'role' in object) contactIn(version, object);
		else if (object.type === 'ticket' && 'ticket_state' in object) ticketIn(version, object);
	});
	return value;
}

/** A request body of `version` in 2.14's shape, for the handlers. */
export function inBaseShape(version: SpecVersion, operation: string, body: unknown): unknown {
	if (!atLeast(version, '2.16') || !body || typeof body !== 'object') return body;
	if (operation === 'POST /contacts' || operation === 'PUT /contacts/{contact_id}') {
		const b = body as Json;
		if (typeof b.owner_id === 'string' && /^\d+$/.test(b.owner_id)) return { ...b, owner_id: Number(b.owner_id) };
	}
	return body;
}
