import type { IDataObject } from 'n8n-workflow';

/**
 * The notification ids this trigger has delivered recently, in the workflow's static data:
 * `{ [notification id]: unix seconds when first delivered }`, bounded in count and age.
 *
 * Who writes it matters. n8n saves the static data a webhook handler changes only when the request
 * starts no execution (n8n 2.40.7: an execution started by the request reloads and later saves its
 * own copy, and the handler's change is lost). So the handler only *reads* this list, and the
 * trigger's own first step in the execution writes it, which n8n saves when the execution ends.
 */
export const RECENT_KEY = 'recentNotificationIds';
/** Intercom retries once after a minute, and holds throttled notifications for up to two hours. */
export const RECENT_MAX_AGE_SECONDS = 24 * 60 * 60;
export const RECENT_MAX_COUNT = 2000;

export function recentIds(staticData: IDataObject): Record<string, number> {
	const value = staticData[RECENT_KEY];
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
	return value as Record<string, number>;
}

export function wasDeliveredRecently(staticData: IDataObject, id: string): boolean {
	return Object.prototype.hasOwnProperty.call(recentIds(staticData), id);
}

/** Adds ids (keeping the first time each was seen), drops the too old, keeps the newest RECENT_MAX_COUNT. */
export function rememberIds(staticData: IDataObject, ids: string[], nowSeconds: number): void {
	const entries = Object.entries(recentIds(staticData)).filter(
		([, at]) => typeof at === 'number' && nowSeconds - at <= RECENT_MAX_AGE_SECONDS,
	);
	const known = new Set(entries.map(([id]) => id));
	for (const id of ids) {
		if (!known.has(id)) {
			entries.push([id, nowSeconds]);
			known.add(id);
		}
	}
	entries.sort((a, b) => a[1] - b[1]);
	// Assigning a new object (rather than mutating the old) is what n8n's change tracking sees.
	staticData[RECENT_KEY] = Object.fromEntries(entries.slice(-RECENT_MAX_COUNT));
}
