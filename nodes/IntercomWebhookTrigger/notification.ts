import type { IDataObject } from 'n8n-workflow';

/**
 * Intercom's notification envelope and the n8n item made from it. The item carries the envelope's
 * facts and the object under its own name (`conversation`, `contact`, `ticket`, …), the names the
 * polling Intercom Trigger uses, so a workflow reads `$json.conversation.id` from either trigger.
 */
export interface IntercomNotification {
	type: 'notification_event';
	id: string;
	topic: string;
	app_id?: string;
	created_at?: number;
	delivery_attempts?: number;
	first_sent_at?: number;
	data: { type?: string; item: IDataObject };
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The notification in a request body, or why it is not one (a short phrase, for the answer and the log). */
export function readNotification(body: unknown): { notification: IntercomNotification } | { problem: string } {
	if (!isObject(body)) return { problem: 'the body is not a JSON object' };
	if (body.type !== 'notification_event') return { problem: 'type is not "notification_event"' };
	if (typeof body.id !== 'string' || body.id === '') return { problem: 'id is missing' };
	if (typeof body.topic !== 'string' || body.topic === '') return { problem: 'topic is missing' };
	if (!isObject(body.data) || !isObject(body.data.item)) return { problem: 'data.item is missing' };
	return { notification: body as unknown as IntercomNotification };
}

/** Unix seconds (or an ISO string, as some Intercom objects carry) as ISO 8601, else null. */
function isoOf(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString();
	if (typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
	return null;
}

/** Item `type`s whose output name differs from the type itself (the polling trigger's names). */
const OBJECT_NAMES: Record<string, string> = {
	user: 'contact',
	lead: 'contact',
	conversation_part: 'part',
	activity_log: 'activity_log',
	admin_activity_log: 'activity_log',
	'data_connector.execution': 'execution',
};

/** Where the item goes in the output: its own name, with composite items spread into their parts. */
export function objectFields(topic: string, item: IDataObject): IDataObject {
	const type = typeof item.type === 'string' ? item.type : '';
	// Contact tags are a contact and a tag: give both their names.
	if (type === 'contact_tag') return { contact: item.contact ?? null, tag: item.tag ?? null, tagged_at: item.created_at ?? null };
	// ticket.closed wraps the ticket in `ticket` (Intercom's reference, API 2.15+).
	if (topic === 'ticket.closed' && isObject(item.ticket)) return { ticket: item.ticket };
	if (type === '' || type === 'notification_event_data') return { item };
	const name = OBJECT_NAMES[type] ?? (type.replace(/[^A-Za-z0-9_]/g, '_') || 'item');
	return { [name]: item };
}

export function notificationToItem(notification: IntercomNotification): IDataObject {
	return {
		topic: notification.topic,
		notification_id: notification.id,
		app_id: notification.app_id ?? null,
		created_at: notification.created_at ?? null,
		created_at_iso: isoOf(notification.created_at),
		delivery_attempts: notification.delivery_attempts ?? null,
		first_sent_at: notification.first_sent_at ?? null,
		...objectFields(notification.topic, notification.data.item),
	};
}
