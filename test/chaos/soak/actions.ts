/**
 * Action workflows under the soak's faults: each run sends a few items through one operation of
 * the Intercom node (Continue On Fail, so every item reports its own outcome). Every item must
 * either succeed with Intercom's object or fail with a clear error; each body is unique, so the
 * sandbox's log tells whether any POST that may have been acted on was ever sent again.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import type { World } from './world';

export interface ActionTally {
	runs: number;
	items: number;
	succeeded: number;
	failed: number;
	/** Items whose outcome was neither Intercom's object nor a clear error (a crash, an empty item). */
	unclear: string[];
	/** Failures by message, with the IDs and paths taken out. */
	failures: Record<string, number>;
}

export function emptyTally(): ActionTally {
	return { runs: 0, items: 0, succeeded: 0, failed: 0, unclear: [], failures: {} };
}

/** A JavaScript failure rather than an error the node meant to give. */
const CRASH = /TypeError|ReferenceError|RangeError|Cannot read|is not a function|is not defined|undefined|\[object Object\]|Unexpected token/;

const fromItem = (key: string) => `={{ $json.${key} }}`;
const locator = (key: string) => ({ __rl: true, mode: 'id', value: fromItem(key) });

interface Plan {
	name: string;
	parameters: INodeParameters;
	items: (n: number) => IDataObject;
}

function plans(world: World): Plan[] {
	const ws = world.sb.workspace;
	const { rng } = world;
	const admins = [...ws.admins.keys()];
	const contacts = () => ws.contacts.all();
	const users = () => contacts().filter((c) => c.role === 'user');
	const open = () => ws.conversations.all().filter((c) => c.state !== 'closed');
	const anyConversation = () => rng.pick(ws.conversations.all()).id;
	const openConversation = () => (open().length > 0 ? rng.pick(open()).id : anyConversation());
	return [
		{ name: 'contact:create', parameters: { resource: 'contact', operation: 'create', email: fromItem('email'), additionalFields: { name: fromItem('name') } }, items: (n) => ({ email: `soak.${n}@example.com`, name: `Soak ${n}` }) },
		{ name: 'contact:update', parameters: { resource: 'contact', operation: 'update', contactId: locator('id'), updateFields: { name: fromItem('name') } }, items: (n) => ({ id: rng.pick(contacts()).id, name: `Soak update ${n}` }) },
		{ name: 'contact:get', parameters: { resource: 'contact', operation: 'get', contactId: locator('id') }, items: () => ({ id: rng.pick(contacts()).id }) },
		{
			name: 'contact:search',
			parameters: { resource: 'contact', operation: 'search', queryMode: 'json', queryJson: fromItem('query'), limit: 20 },
			items: (n) => ({ query: JSON.stringify({ field: 'role', operator: '=', value: n % 2 ? 'user' : 'lead' }) }),
		},
		{ name: 'conversation:create', parameters: { resource: 'conversation', operation: 'create', contactId: locator('id'), body: fromItem('body') }, items: (n) => ({ id: rng.pick(users()).id, body: `<p>Soak question ${n}</p>` }) },
		{
			name: 'conversation:reply',
			parameters: { resource: 'conversation', operation: 'reply', conversationId: locator('id'), replyAs: 'admin', actingAdminId: fromItem('admin'), messageType: 'comment', body: fromItem('body') },
			items: (n) => ({ id: anyConversation(), admin: rng.pick(admins), body: `<p>Soak reply ${n}</p>` }),
		},
		{
			name: 'conversation:close',
			parameters: { resource: 'conversation', operation: 'close', conversationId: locator('id'), actingAdminId: fromItem('admin'), additionalFields: { body: fromItem('body') } },
			items: (n) => ({ id: openConversation(), admin: rng.pick(admins), body: `<p>Closing ${n}</p>` }),
		},
		{
			name: 'conversation:assign',
			parameters: { resource: 'conversation', operation: 'assign', conversationId: locator('id'), actingAdminId: fromItem('admin'), assigneeType: 'admin', assigneeAdminId: fromItem('assignee'), additionalFields: { body: fromItem('body') } },
			items: (n) => ({ id: anyConversation(), admin: rng.pick(admins), assignee: rng.pick(admins), body: `<p>Yours ${n}</p>` }),
		},
		{
			name: 'admin:setAway',
			parameters: { resource: 'admin', operation: 'setAway', adminId: locator('id'), awayModeEnabled: fromItem('away'), awayModeReassign: false },
			items: () => ({ id: rng.pick(admins), away: rng.chance(0.5) }),
		},
		{ name: 'tag:create', parameters: { resource: 'tag', operation: 'create', name: fromItem('name') }, items: (n) => ({ name: `soak-${n}` }) },
		{
			name: 'article:create',
			parameters: { resource: 'article', operation: 'create', title: fromItem('title'), authorId: fromItem('author'), additionalFields: { state: 'published', body: fromItem('body') } },
			items: (n) => ({ title: `Soak article ${n}`, author: rng.pick(admins), body: `<p>Article ${n}</p>` }),
		},
	];
}

let serial = 0;

/** One action workflow run: an operation chosen at random, one to four items. */
export async function runActions(world: World, tally: ActionTally): Promise<void> {
	const plan = world.rng.pick(plans(world));
	const items = Array.from({ length: world.rng.int(1, 4) }, () => plan.items(++serial));
	const result = await runNode({ parameters: plan.parameters, credentials: world.credentials(), items, continueOnFail: true });
	tally.runs++;
	tally.items += items.length;
	if (result.error) {
		tally.unclear.push(`${plan.name}: the run failed although Continue On Fail is on: ${result.error.message}`);
		return;
	}
	const answered = new Set<number>();
	for (const item of result.items) {
		const index = (item.pairedItem as { item: number }).item;
		answered.add(index);
		const json = item.json as IDataObject;
		if (json.error !== undefined) {
			const message = String(json.error);
			if (message === '' || CRASH.test(message) || typeof json.description !== 'string') tally.unclear.push(`${plan.name}: ${message}`);
			const key = `${plan.name}: ${message.replace(/\/[\w%.-]+/g, '/…')}`;
			tally.failures[key] = (tally.failures[key] ?? 0) + 1;
		} else if (typeof json.type !== 'string' && typeof json.id !== 'string') {
			tally.unclear.push(`${plan.name}: an item without type or id: ${JSON.stringify(json).slice(0, 120)}`);
		}
	}
	// A list may answer an item with several results, or none (an empty search); others answer one.
	const failedItems = new Set(result.items.filter((i) => (i.json as IDataObject).error !== undefined).map((i) => (i.pairedItem as { item: number }).item));
	tally.failed += failedItems.size;
	tally.succeeded += items.length - failedItems.size;
	if (plan.name !== 'contact:search') {
		for (let i = 0; i < items.length; i++) if (!answered.has(i)) tally.unclear.push(`${plan.name}: item ${i} has no output`);
	}
}

/**
 * POSTs that may have been acted on and were sent again: the sandbox counts identical POSTs; a
 * search is a read (retried by design), and a POST answered 429 was refused before anything was
 * done (retried by design). Anything else sent twice is a defect.
 */
export function repeatedPosts(world: World): { counted: number; afterRateLimit: number; searches: number; defects: string[] } {
	const duplicates = world.sb.log.duplicatePosts();
	const searches = duplicates.filter((d) => d.path.endsWith('/search'));
	const attempts = new Map<string, number[]>();
	for (const r of world.sb.log.requests()) {
		if (r.method !== 'POST' || r.kind !== 'api' || r.path.endsWith('/search')) continue;
		const key = `${r.path} ${JSON.stringify(r.body)}`;
		(attempts.get(key) ?? attempts.set(key, []).get(key)!).push(r.status);
	}
	const defects: string[] = [];
	let afterRateLimit = 0;
	for (const [key, statuses] of attempts) {
		if (statuses.length < 2) continue;
		// Every attempt but the last must have been refused with a 429.
		if (statuses.slice(0, -1).every((s) => s === 429)) afterRateLimit++;
		else defects.push(`${key.slice(0, 100)} sent ${statuses.length} times (${statuses.join(', ')})`);
	}
	return { counted: duplicates.length, afterRateLimit, searches: searches.length, defects };
}
