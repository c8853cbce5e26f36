/**
 * Custom object instances (Intercom's "custom objects"): records of object types the workspace
 * defines (an Order), each with Intercom's numeric id, your external_id (unique per type) and text
 * or number attributes. Types are defined in Intercom's settings, never through the API: the
 * sandbox seeds them, and an unknown type answers Intercom's TypeNotFound.
 */
import { ApiError, badRequest, notFound } from '../errors';
import type { Workspace } from './workspace';

export interface CustomObjectInstanceRecord {
	id: string;
	type: string;
	external_id: string;
	external_created_at: number | null;
	external_updated_at: number | null;
	created_at: number;
	updated_at: number;
	custom_attributes: Record<string, string | number>;
}

export class CustomObjectStore {
	/** type identifier -> instances by Intercom id. */
	readonly types = new Map<string, Map<string, CustomObjectInstanceRecord>>();
	private nextId = 1;

	defineType(identifier: string): void {
		if (!this.types.has(identifier)) this.types.set(identifier, new Map());
	}

	newId(): string {
		return String(this.nextId++);
	}

	clear(): void {
		this.types.clear();
	}
}

function instancesOf(ws: Workspace, type: string): Map<string, CustomObjectInstanceRecord> {
	const instances = ws.customObjects.types.get(type);
	// Intercom's TypeNotFound names the type as it understood it.
	if (!instances) throw notFound(`Custom object type \`${type}\` not found`);
	return instances;
}

function byExternalId(instances: Map<string, CustomObjectInstanceRecord>, externalId: string): CustomObjectInstanceRecord | undefined {
	for (const instance of instances.values()) if (instance.external_id === externalId) return instance;
	return undefined;
}

export interface InstanceInput {
	external_id?: unknown;
	external_created_at?: unknown;
	external_updated_at?: unknown;
	custom_attributes?: Record<string, unknown> | null;
}

/** POST: creates the instance, or updates the one with the same external_id. */
export function createOrUpdateInstance(ws: Workspace, type: string, input: InstanceInput): CustomObjectInstanceRecord {
	const instances = instancesOf(ws, type);
	const externalId = typeof input.external_id === 'string' ? input.external_id.trim() : '';
	if (externalId === '') throw badRequest('external_id is required', 'parameter_not_found', 'external_id');
	const now = ws.now();
	let instance = byExternalId(instances, externalId);
	if (!instance) {
		instance = { id: ws.customObjects.newId(), type, external_id: externalId, external_created_at: null, external_updated_at: null, created_at: now, updated_at: now, custom_attributes: {} };
		instances.set(instance.id, instance);
	}
	if (input.external_created_at !== undefined) instance.external_created_at = (input.external_created_at as number | null) ?? null;
	if (input.external_updated_at !== undefined) instance.external_updated_at = (input.external_updated_at as number | null) ?? null;
	for (const [name, value] of Object.entries(input.custom_attributes ?? {})) {
		if (value === null) delete instance.custom_attributes[name];
		else instance.custom_attributes[name] = value as string | number;
	}
	instance.updated_at = now;
	return instance;
}

/** By id: GET takes Intercom's id or the external_id, DELETE Intercom's id only. */
export function findInstance(ws: Workspace, type: string, idOrExternalId: string, options: { byIdOnly?: boolean } = {}): CustomObjectInstanceRecord {
	const instances = instancesOf(ws, type);
	const instance = instances.get(idOrExternalId) ?? (options.byIdOnly ? undefined : byExternalId(instances, idOrExternalId));
	if (!instance) throw notFound('Custom object instance not found');
	return instance;
}

export function findInstanceByExternalId(ws: Workspace, type: string, externalId: string | undefined): CustomObjectInstanceRecord {
	if (!externalId) throw new ApiError(400, 'parameter_not_found', 'external_id is required', 'external_id');
	const instance = byExternalId(instancesOf(ws, type), externalId);
	if (!instance) throw notFound('Custom object instance not found');
	return instance;
}

export function deleteInstance(ws: Workspace, instance: CustomObjectInstanceRecord): void {
	ws.customObjects.types.get(instance.type)?.delete(instance.id);
}

/** The seeded types: orders with a few instances, and subscriptions with none. */
export function seedCustomObjects(ws: Workspace): void {
	ws.customObjects.defineType('Order');
	ws.customObjects.defineType('Subscription');
	const at = ws.now() - 86400;
	for (const [externalId, total] of [['ORDER-1001', 49.5], ['ORDER-1002', 120], ['ORDER-1003', 15.25]] as const) {
		const instance = createOrUpdateInstance(ws, 'Order', { external_id: externalId, external_created_at: at, custom_attributes: { order_number: externalId, total_amount: total } });
		instance.created_at = at;
		instance.updated_at = at;
	}
}
