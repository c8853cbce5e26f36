/**
 * Hostile values for each parameter of the Intercom Trigger, through n8n-core's PollContext: each
 * stops the poll with an error naming the parameter before any request, or the poll calls only
 * the event's own endpoints. Either way the workflow's static data is left as it was, so a bad
 * value can never poison the cursor.
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { IntercomTrigger } from '../../nodes/IntercomTrigger/IntercomTrigger.node';
import { credentialsFor, poll, registerNodeType } from '../helpers/n8n';
import { ECHO, echoServer } from './echo-server';
import { FOR_DATES, FOR_NUMBERS, GENERIC, type HostileValue } from './values';

const TYPE = 'n8n-nodes-intercom.intercomTrigger';
registerNodeType(TYPE, new IntercomTrigger());

let server: Awaited<ReturnType<typeof echoServer>>;
beforeAll(async () => {
	nock.restore(); // see actions.test.ts: only the loopback echo server is called
	server = await echoServer();
});
afterAll(async () => {
	await server.close();
});

/** The endpoints each event reads; nothing else may be called. */
const CONTACT_PATHS = ['GET /me', 'POST /contacts/search'];
const PART_PATHS = ['POST /conversations/search'];

/** The value as typed, or, for what JSON cannot hold, an expression that computes it. */
function given(value: HostileValue): unknown {
	switch (value.special) {
		case 'NaN':
			return '={{ NaN }}';
		case 'Infinity':
			return '={{ Infinity }}';
		case 'invalidDate':
			return '={{ new Date("not a date") }}';
		case 'invalidLuxon':
			return '={{ DateTime.fromISO("not a date") }}';
		default:
			return value.v;
	}
}

interface TriggerTarget {
	name: string;
	displayName: string;
	values: HostileValue[];
	parameters: (value: unknown) => INodeParameters;
	paths: string[];
	/** Values that must be refused (an impossible date must not become another one). */
	refused?: HostileValue[];
}

const created = (options: IDataObject = {}, extra: INodeParameters = {}): INodeParameters => ({ event: 'contact.created', options, ...extra } as INodeParameters);

const TARGETS: TriggerTarget[] = [
	{ name: 'event', displayName: 'Event', values: GENERIC, parameters: (v) => ({ event: v } as INodeParameters), paths: [] },
	{ name: 'contactRole', displayName: 'Contact Role', values: GENERIC, parameters: (v) => created({}, { contactRole: v } as INodeParameters), paths: CONTACT_PATHS },
	{
		name: 'partKinds',
		displayName: 'Part Kinds',
		values: GENERIC,
		parameters: (v) => ({ event: 'conversation_part.created', partKinds: v } as INodeParameters),
		paths: PART_PATHS,
	},
	{
		name: 'partKinds (one of them)',
		displayName: 'Part Kinds',
		values: GENERIC,
		parameters: (v) => ({ event: 'conversation_part.created', partKinds: ['note', v] } as INodeParameters),
		paths: PART_PATHS,
	},
	{
		name: 'options.maxEventsPerPoll',
		displayName: 'Max Events per Poll',
		values: [...GENERIC, ...FOR_NUMBERS],
		parameters: (v) => created({ maxEventsPerPoll: v as number }),
		paths: CONTACT_PATHS,
	},
	{
		name: 'options.lateArrivalMinutes',
		displayName: 'Late Arrival Window (Minutes)',
		values: [...GENERIC, ...FOR_NUMBERS],
		parameters: (v) => created({ lateArrivalMinutes: v as number }),
		paths: CONTACT_PATHS,
	},
	{
		name: 'options.startAt',
		displayName: 'Start From',
		values: [...GENERIC, ...FOR_DATES],
		parameters: (v) => created({ startAt: v as string }),
		paths: CONTACT_PATHS,
		refused: FOR_DATES,
	},
];

describe('trigger parameters', () => {
	it.each(TARGETS.map((t) => [t.name, t] as const))('%s: refused naming it, or only its endpoints are called; static data untouched', async (_name, target) => {
		const problems: string[] = [];
		for (const value of target.values) {
			const before = server.requests.length;
			const staticData: IDataObject = {};
			let error: Error | undefined;
			try {
				await poll({ nodeType: TYPE, parameters: target.parameters(given(value)), credentials: credentialsFor(server.baseUrl, 'tok_trigger_secret'), staticData });
			} catch (e) {
				error = e as Error;
			}
			const sent = server.requests.slice(before).map((r) => `${r.method} ${r.path}`);
			const message = String(error?.message ?? '');
			if (target.refused?.includes(value) && sent.length > 0) problems.push(`${value.label}: not refused`);
			// n8n creates the node's (empty) entry when asked for it; anything in it was written by the node.
			if (Object.values(staticData).some((entry) => JSON.stringify(entry) !== '{}')) problems.push(`${value.label}: static data written ${JSON.stringify(staticData).slice(0, 80)}`);
			if (sent.length === 0) {
				if (!message.startsWith(`Parameter "${target.displayName}": `)) problems.push(`${value.label}: ${error ? `"${message.slice(0, 120)}"` : 'no error, no request'}`);
				continue;
			}
			// Every request is answered 400 by the echo server: the poll fails on the first one.
			if (!ECHO.test(message)) problems.push(`${value.label}: after a request, "${message.slice(0, 120)}"`);
			const elsewhere = sent.filter((s) => !target.paths.includes(s));
			if (elsewhere.length > 0) problems.push(`${value.label}: called ${elsewhere.join(', ').slice(0, 120)}`);
		}
		expect(problems).toEqual([]);
	});
});
