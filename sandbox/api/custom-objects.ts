/** Handlers for the Custom Object Instances operations (linking is the contact and conversation update). */
import * as ops from '../store/custom-object-ops';
import { str, type RouteTable } from './context';

function present(instance: ops.CustomObjectInstanceRecord) {
	return {
		id: instance.id,
		type: instance.type,
		custom_attributes: instance.custom_attributes,
		external_id: instance.external_id,
		external_created_at: instance.external_created_at,
		external_updated_at: instance.external_updated_at,
		created_at: instance.created_at,
		updated_at: instance.updated_at,
	};
}

function deleted(instance: ops.CustomObjectInstanceRecord) {
	return { id: instance.id, object: instance.type, deleted: true };
}

export const customObjectRoutes: RouteTable = {
	'POST /custom_object_instances/{custom_object_type_identifier}': ({ ws, params, body }) =>
		present(ops.createOrUpdateInstance(ws, params.custom_object_type_identifier, body ?? {})),
	'GET /custom_object_instances/{custom_object_type_identifier}': ({ ws, params, query }) =>
		present(ops.findInstanceByExternalId(ws, params.custom_object_type_identifier, str(query.external_id))),
	'DELETE /custom_object_instances/{custom_object_type_identifier}': ({ ws, params, query }) => {
		const instance = ops.findInstanceByExternalId(ws, params.custom_object_type_identifier, str(query.external_id));
		ops.deleteInstance(ws, instance);
		return deleted(instance);
	},
	'GET /custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}': ({ ws, params }) =>
		present(ops.findInstance(ws, params.custom_object_type_identifier, params.custom_object_instance_id)),
	'DELETE /custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}': ({ ws, params }) => {
		const instance = ops.findInstance(ws, params.custom_object_type_identifier, params.custom_object_instance_id, { byIdOnly: true });
		ops.deleteInstance(ws, instance);
		return deleted(instance);
	},
};
