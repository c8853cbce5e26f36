/**
 * Control routes for the sandbox's outgoing webhooks (see webhooks.ts), under `/__sandbox/webhooks`:
 *
 *   POST   webhooks               subscribe: { url, topics, clientSecret, workspace?, duplicates?,
 *                                 delayMs?, duplicateDelayMs?, maxAttempts?, retryDelayMs?, timeoutMs?,
 *                                 checkUrl? } (the URL must answer a HEAD with 2xx, as for Intercom)
 *   GET    webhooks               the subscriptions (secrets left out)
 *   DELETE webhooks[?id=]         one subscription, or all with their history
 *   POST   webhooks/ping          { id }: the Developer Hub's "send test" (topic ping)
 *   POST   webhooks/notify        { topic, item, workspace? }: one hand-made notification
 *   GET    webhooks/notifications ?since=<index>: notifications sent, with their bodies
 *   GET    webhooks/deliveries    ?since=<seq>: every attempt with its answer
 *   POST   webhooks/idle          answers once nothing is scheduled or in flight
 */
import type { Sandbox } from './sandbox';
import type { Subscription } from './webhooks';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function publicSubscription(s: Subscription) {
	const { clientSecret: _secret, ...rest } = s;
	return rest;
}

export const WEBHOOK_CONTROL_ROUTES: Record<string, (sb: Sandbox, body: Json, query: URLSearchParams) => unknown> = {
	'POST webhooks': async (sb, body) => publicSubscription(await sb.webhooks.subscribe(body as never)),
	'GET webhooks': (sb) => ({ subscriptions: sb.webhooks.list().map(publicSubscription) }),
	'DELETE webhooks': (sb, _b, q) => {
		const id = q.get('id');
		if (id) return { deleted: sb.webhooks.unsubscribe(id) };
		sb.webhooks.clear();
		return { cleared: true };
	},
	'POST webhooks/ping': (sb, body) => sb.webhooks.ping(String(body.id)),
	'POST webhooks/notify': (sb, body) => {
		if (typeof body.topic !== 'string' || typeof body.item !== 'object' || body.item === null) throw new Error('topic and item are required');
		return { notifications: sb.webhooks.notify(sb.workspace(body.workspace), body.topic, body.item) };
	},
	'GET webhooks/notifications': (sb, _b, q) => ({ notifications: sb.webhooks.notifications().slice(Number(q.get('since') ?? 0)) }),
	'GET webhooks/deliveries': (sb, _b, q) => {
		const since = Number(q.get('since') ?? 0);
		return { deliveries: sb.webhooks.deliveries().filter((d) => d.seq > since) };
	},
	'POST webhooks/idle': async (sb) => {
		await sb.webhooks.idle();
		return { idle: true };
	},
};
