/**
 * Outgoing webhooks, as Intercom sends them: subscriptions (endpoint URL, topics, the app's client
 * secret) and, for every change the sandbox makes (API calls, simulated activity, the control API),
 * a signed `notification_event` POST to each subscription of that workspace whose topics match.
 *
 * Like Intercom: the URL is checked with a HEAD request when a subscription is saved; `ping` is
 * always subscribed; each notification is signed `X-Hub-Signature: sha1=<HMAC-SHA1(body, secret)>`;
 * a non-2xx answer or a timeout (5 s) is retried with the same notification id and
 * `delivery_attempts` + 1 (Intercom: once, after a minute; here `maxAttempts` and `retryDelayMs`).
 * For tests, a subscription can also deliver every notification more than once (`duplicates`, the
 * identical bytes and signature again) and hold deliveries back (`delayMs`).
 */
import { createHmac, randomUUID } from 'node:crypto';

import type { SandboxClock } from './clock';
import type { ChangeEntry } from './store/change-log';
import type { Workspace } from './store/workspace';
import { notificationsForChange } from './webhook-topics';

export interface SubscriptionInput {
	url: string;
	/** Topics to notify; `['*']` for every topic. `ping` is always included. */
	topics: string[];
	clientSecret: string;
	/** Workspace id_code (default: the sandbox's main workspace). */
	workspace?: string;
	/** Extra deliveries of each notification, identical bytes and signature (default 0). */
	duplicates?: number;
	/** Wait before the first attempt (default 0). */
	delayMs?: number;
	/** Wait between a delivery and its duplicate (default 0). */
	duplicateDelayMs?: number;
	/** Attempts per notification, the first included (Intercom: 2). */
	maxAttempts?: number;
	/** Wait before a retry (Intercom: 60,000). */
	retryDelayMs?: number;
	/** How long an attempt may take before it counts as failed (Intercom: 5,000). */
	timeoutMs?: number;
	/** Check the URL with a HEAD request before saving, as Intercom does (default true). */
	checkUrl?: boolean;
}

export interface Subscription extends Required<Omit<SubscriptionInput, 'checkUrl'>> {
	id: string;
	createdAt: number;
}

export interface DeliveryAttempt {
	seq: number;
	subscriptionId: string;
	notificationId: string;
	topic: string;
	/** `delivery_attempts` in the body of this attempt. */
	attempt: number;
	/** 0 for the delivery itself, 1.. for its duplicates. */
	copy: number;
	/** The HTTP status answered, or null when the request failed (timeout, refused). */
	status: number | null;
	error?: string;
	at: number;
}

export interface SentNotification {
	id: string;
	topic: string;
	subscriptionId: string;
	workspace: string;
	body: Record<string, unknown>;
	/** Whether some attempt was answered 2xx. */
	delivered: boolean;
}

export interface WebhookSettings {
	/** Schedules a callback (default setTimeout); tests may run delays at once. */
	schedule?: (callback: () => void, ms: number) => void;
}

const INTERCOM_DEFAULTS = { maxAttempts: 2, retryDelayMs: 60_000, timeoutMs: 5_000 };

export class WebhookDispatcher {
	private readonly subscriptions = new Map<string, Subscription>();
	private readonly attempts: DeliveryAttempt[] = [];
	private readonly sent: SentNotification[] = [];
	private pending = 0;
	private idleWaiters: Array<() => void> = [];
	private seq = 0;
	/** Runs a delayed delivery step (default: setTimeout); tests replace it to order deliveries. */
	schedule: (callback: () => void, ms: number) => void;

	constructor(
		private readonly clock: SandboxClock,
		private readonly workspaceById: (idCode?: string) => Workspace,
		settings: WebhookSettings = {},
	) {
		this.schedule = settings.schedule ?? ((callback, ms) => void setTimeout(callback, ms));
	}

	/** Listens to a workspace's change log: every recorded change notifies its subscribers. */
	watch(ws: Workspace): void {
		ws.changes.onRecord((change) => this.onChange(ws, change));
	}

	async subscribe(input: SubscriptionInput): Promise<Subscription> {
		const url = new URL(String(input.url)); // throws on a malformed URL
		if (!Array.isArray(input.topics) || input.topics.length === 0) throw new Error('topics must be a non-empty list');
		if (typeof input.clientSecret !== 'string' || input.clientSecret === '') throw new Error('clientSecret is required');
		const ws = this.workspaceById(input.workspace);
		if (input.checkUrl !== false) {
			const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(input.timeoutMs ?? INTERCOM_DEFAULTS.timeoutMs) }).catch(
				(error: Error) => error,
			);
			if (res instanceof Error || !res.ok) {
				throw new Error(`the endpoint URL did not answer the HEAD check with 2xx (${res instanceof Error ? res.message : res.status})`);
			}
		}
		const subscription: Subscription = {
			id: `sub_${randomUUID()}`,
			url: url.toString(),
			topics: [...new Set([...input.topics.map(String), 'ping'])],
			clientSecret: input.clientSecret,
			workspace: ws.idCode,
			duplicates: Math.max(0, Math.floor(Number(input.duplicates ?? 0))),
			delayMs: Math.max(0, Number(input.delayMs ?? 0)),
			duplicateDelayMs: Math.max(0, Number(input.duplicateDelayMs ?? 0)),
			maxAttempts: Math.max(1, Math.floor(Number(input.maxAttempts ?? INTERCOM_DEFAULTS.maxAttempts))),
			retryDelayMs: Math.max(0, Number(input.retryDelayMs ?? INTERCOM_DEFAULTS.retryDelayMs)),
			timeoutMs: Math.max(1, Number(input.timeoutMs ?? INTERCOM_DEFAULTS.timeoutMs)),
			createdAt: this.clock.nowSeconds(),
		};
		this.subscriptions.set(subscription.id, subscription);
		return subscription;
	}

	unsubscribe(id: string): boolean {
		return this.subscriptions.delete(id);
	}

	list(): Subscription[] {
		return [...this.subscriptions.values()];
	}

	/** Every delivery attempt so far, oldest first. */
	deliveries(): DeliveryAttempt[] {
		return [...this.attempts];
	}

	/** Every notification sent so far (one per subscription), oldest first. */
	notifications(): SentNotification[] {
		return [...this.sent];
	}

	/** Sends the `ping` topic to one subscription, as the Developer Hub's test button does. */
	ping(subscriptionId: string): SentNotification {
		const subscription = this.subscriptions.get(subscriptionId);
		if (!subscription) throw new Error(`no subscription ${subscriptionId}`);
		return this.send(subscription, 'ping', { type: 'ping', message: 'Hello from the sandbox' });
	}

	/** Sends one notification of `topic` with `item` to every matching subscription of the workspace. */
	notify(ws: Workspace, topic: string, item: Record<string, unknown>): SentNotification[] {
		return this.list()
			.filter((s) => s.workspace === ws.idCode && (s.topics.includes(topic) || s.topics.includes('*')))
			.map((s) => this.send(s, topic, item));
	}

	/** Resolves once no delivery is scheduled or in flight. */
	idle(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/** Forgets subscriptions and history (deliveries already scheduled still run). */
	clear(): void {
		this.subscriptions.clear();
		this.attempts.length = 0;
		this.sent.length = 0;
	}

	private onChange(ws: Workspace, change: ChangeEntry): void {
		if (!this.list().some((s) => s.workspace === ws.idCode)) return;
		// After the current operation has finished, so the item shows its final state.
		this.pending++;
		queueMicrotask(() => {
			try {
				for (const { topic, item } of notificationsForChange(ws, change)) this.notify(ws, topic, item);
			} finally {
				this.settle();
			}
		});
	}

	private send(subscription: Subscription, topic: string, item: Record<string, unknown>): SentNotification {
		const now = this.clock.nowSeconds();
		const notification: SentNotification = {
			id: `notif_${randomUUID()}`,
			topic,
			subscriptionId: subscription.id,
			workspace: subscription.workspace,
			delivered: false,
			body: {
				type: 'notification_event',
				app_id: subscription.workspace,
				data: { type: 'notification_event_data', item },
				links: {},
				id: '',
				topic,
				delivery_status: 'pending',
				delivery_attempts: 1,
				delivered_at: 0,
				first_sent_at: now,
				created_at: now,
				self: null,
			},
		};
		notification.body.id = notification.id;
		this.sent.push(notification);
		this.later(subscription.delayMs, () => this.attempt(subscription, notification, 1));
		return notification;
	}

	private later(ms: number, task: () => Promise<void>): void {
		this.pending++;
		this.schedule(() => {
			task().finally(() => this.settle());
		}, ms);
	}

	private settle(): void {
		this.pending--;
		if (this.pending === 0) {
			const waiters = this.idleWaiters;
			this.idleWaiters = [];
			for (const resolve of waiters) resolve();
		}
	}

	private async attempt(subscription: Subscription, notification: SentNotification, attempt: number): Promise<void> {
		const raw = JSON.stringify({ ...notification.body, delivery_attempts: attempt });
		const ok = await this.post(subscription, notification, raw, attempt, 0);
		if (ok) {
			notification.delivered = true;
			this.duplicate(subscription, notification, raw, attempt, 1);
		} else if (attempt < subscription.maxAttempts) {
			this.later(subscription.retryDelayMs, () => this.attempt(subscription, notification, attempt + 1));
		}
	}

	/** The repeats of a delivered notification, one after the other. */
	private duplicate(subscription: Subscription, notification: SentNotification, raw: string, attempt: number, copy: number): void {
		if (copy > subscription.duplicates) return;
		this.later(subscription.duplicateDelayMs, async () => {
			await this.post(subscription, notification, raw, attempt, copy);
			this.duplicate(subscription, notification, raw, attempt, copy + 1);
		});
	}

	private async post(subscription: Subscription, notification: SentNotification, raw: string, attempt: number, copy: number): Promise<boolean> {
		const record: DeliveryAttempt = {
			seq: ++this.seq,
			subscriptionId: subscription.id,
			notificationId: notification.id,
			topic: notification.topic,
			attempt,
			copy,
			status: null,
			at: this.clock.now(),
		};
		this.attempts.push(record);
		try {
			const res = await fetch(subscription.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'application/json',
					'user-agent': 'intercom-parrot-service-client/1.0',
					'x-hub-signature': `sha1=${createHmac('sha1', subscription.clientSecret).update(raw).digest('hex')}`,
				},
				body: raw,
				signal: AbortSignal.timeout(subscription.timeoutMs),
			});
			record.status = res.status;
			await res.arrayBuffer().catch(() => undefined);
			return res.status >= 200 && res.status < 300;
		} catch (error) {
			record.error = (error as Error).name === 'TimeoutError' ? `no answer within ${subscription.timeoutMs} ms` : (error as Error).message;
			return false;
		}
	}
}
