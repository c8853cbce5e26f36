/**
 * Runs the Intercom Trigger against the sandbox the way n8n runs a polling trigger: each poll goes
 * through n8n-core's PollContext, and the workflow's static data is stored between polls as JSON
 * (as n8n's database keeps it). One clock for both sides: the sandbox's (frozen, moved by the
 * test), which the node reads through the transport's clock seam; the transport's waits move it.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { compareKeys } from '../../nodes/IntercomTrigger/cursor';
import { IntercomTrigger } from '../../nodes/IntercomTrigger/IntercomTrigger.node';
import { clock } from '../../nodes/shared/transport/clock';
import { SandboxClock, startSandbox, type RunningSandbox, type StartOptions } from '../../sandbox';
import { credentialsFor, poll, pollWithoutBudget, registerNodeType } from '../helpers/n8n';

export const TRIGGER_TYPE = 'n8n-nodes-intercom.intercomTrigger';
registerNodeType(TRIGGER_TYPE, new IntercomTrigger());

/** 2025-03-10T12:00:00Z: a Monday, away from any DST change. */
export const T0 = 1_741_608_000;

export interface PollResult {
	items: IDataObject[];
	/** Requests the poll sent. */
	requests: number;
	error?: Error;
}

export class TriggerHarness {
	/** The workflow's static data as the database holds it: JSON text. */
	stored = '{}';
	readonly emitted: IDataObject[] = [];
	private restoreClock: Array<() => void> = [];
	/** The credential's API Version for the polls (unset: the credential's default of the tests). */
	apiVersion?: string;

	private constructor(readonly sb: RunningSandbox) {}

	static async start(options: StartOptions = {}, at = T0): Promise<TriggerHarness> {
		// Frozen before seeding, so seeded records lie in the past of the test's "now".
		const sandboxClock = new SandboxClock();
		sandboxClock.freezeAt(at);
		const sb = await startSandbox({
			port: 0,
			clock: sandboxClock,
			seed: { contacts: 0, conversations: 0, articles: 0, companies: 0 },
			...options,
		});
		const h = new TriggerHarness(sb);
		const now = jest.spyOn(clock, 'now').mockImplementation(() => sb.clock.now());
		// Backoff and pacing waits pass on the shared clock instead of in real time.
		const sleep = jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
			if (ms > 0) sb.clock.advanceSeconds(ms / 1000);
		});
		h.restoreClock.push(() => now.mockRestore(), () => sleep.mockRestore());
		return h;
	}

	async close(): Promise<void> {
		for (const restore of this.restoreClock) restore();
		await this.sb.close();
	}

	get now(): number {
		return this.sb.clock.nowSeconds();
	}

	advance(seconds: number): void {
		this.sb.clock.advanceSeconds(seconds);
	}

	/** From now on each API request takes `seconds` of the shared clock, as a slow API would. */
	slowRequests(seconds: number): void {
		const faults = this.sb.faults;
		const next = faults.next.bind(faults);
		jest.spyOn(faults, 'next').mockImplementation((method: string, path: string) => {
			this.advance(seconds);
			return next(method, path);
		});
	}

	/** The trigger's own part of the static data (n8n keys it by node name). */
	get state(): IDataObject {
		return ((JSON.parse(this.stored) as IDataObject)['node:Trigger'] ?? {}) as IDataObject;
	}

	/**
	 * The cursor has settled: no read goes on, no emitted id waits for the settled line, and nothing
	 * read lies above it (no later poll must read anything again).
	 */
	get settled(): boolean {
		const cursor = this.state.cursor as { settled: number; readTop: number; recent: object; resume?: object };
		return !cursor.resume && Object.keys(cursor.recent).length === 0 && cursor.readTop <= cursor.settled;
	}

	/** Replaces the trigger's static data, as a database edited or restored by hand would. */
	set state(value: IDataObject) {
		this.stored = JSON.stringify({ ...(JSON.parse(this.stored) as IDataObject), 'node:Trigger': value });
	}

	/**
	 * One poll: static data loaded from the stored JSON and stored back as JSON afterwards.
	 * `legacy` runs it as n8n 1.x after a restart: no time budget, and only the static data a poll
	 * that emitted saved to the database.
	 */
	async poll(
		parameters: INodeParameters,
		options: { mode?: 'trigger' | 'manual'; pollBudgetMs?: number; legacy?: boolean; timezone?: string; activation?: 'init' | 'activate'; workflowId?: string } = {},
	): Promise<PollResult> {
		const staticData = JSON.parse(this.stored) as IDataObject;
		const before = this.sb.log.requests().length;
		let output: INodeExecutionData[][] | null = null;
		let error: Error | undefined;
		try {
			const run = { nodeType: TRIGGER_TYPE, parameters, credentials: credentialsFor(this.sb.baseUrl, this.sb.token, this.apiVersion ? { apiVersion: this.apiVersion } : {}), staticData, mode: options.mode, timezone: options.timezone };
			output = options.legacy ? await pollWithoutBudget(run) : await poll({ ...run, pollBudgetMs: options.pollBudgetMs, activation: options.activation, workflowId: options.workflowId });
		} catch (e) {
			error = e as Error;
		}
		const items = (output?.[0] ?? []).map((i) => i.json);
		// The next poll sees the static data as this one left it, even after an error or a manual
		// run (n8n 1.x keeps it in memory): a node that moved its cursor there would show it.
		// Legacy polls start from what the database holds, saved only by a poll that emitted.
		if (!options.legacy || (items.length > 0 && !error)) this.stored = JSON.stringify(staticData);
		if (options.mode !== 'manual') this.emitted.push(...items);
		return { items, requests: this.sb.log.requests().length - before, error };
	}

	/** Polls until one emits nothing (or `max` polls); returns how many polls ran. */
	async drain(parameters: INodeParameters, max = 100): Promise<number> {
		for (let n = 1; n <= max; n++) {
			const r = await this.poll(parameters);
			if (r.error) throw r.error;
			if (r.items.length === 0) return n;
			this.advance(60);
		}
		throw new Error(`still emitting after ${max} polls`);
	}
}

/** `event_id`s of items, for exact comparisons. */
export const ids = (items: IDataObject[]) => items.map((i) => String(i.event_id));

/** Whether items are in the (occurred_at, id) order the trigger promises, each strictly after the last. */
export function inOrder(items: IDataObject[], idOf: (item: IDataObject) => string): boolean {
	const key = (item: IDataObject) => ({ ts: Number(item.occurred_at), id: idOf(item) });
	return items.every((item, i) => i === 0 || compareKeys(key(items[i - 1]), key(item)) < 0);
}

export const contactId = (item: IDataObject) => String((item.contact as IDataObject).id);
