/**
 * The sandbox's custom object instances as Intercom serves them, called directly: every operation
 * answers in its spec shape, and the sandbox refuses what Intercom refuses (an unknown type, an
 * unknown instance, a create without external_id).
 */
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { customObjectRoutes } from '../../sandbox/api/custom-objects';
import { answeredInShape, call, shapeProblems } from '../sandbox/helpers';

let sb: RunningSandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 2, conversations: 1, articles: 0, companies: 0 } });
});
afterAll(async () => await sb.close());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const seen = new Set<string>();

const ok = (key: string, path: string, body?: unknown) => answeredInShape(sb, key, path, body, { seen });

it('answers every custom object operation in the spec shape', async () => {
	const created = await ok('POST /custom_object_instances/{custom_object_type_identifier}', '/custom_object_instances/Order', {
		external_id: 'S-1',
		external_created_at: 1392036272,
		custom_attributes: { order_number: 'S-1' },
	});
	expect(created).toMatchObject({ type: 'Order', external_id: 'S-1', external_created_at: 1392036272, external_updated_at: null, custom_attributes: { order_number: 'S-1' } });
	const updated = await ok('POST /custom_object_instances/{custom_object_type_identifier}', '/custom_object_instances/Order', { external_id: 'S-1', external_updated_at: 1392036300, custom_attributes: { status: 'paid' } });
	expect(updated).toMatchObject({ id: created.id, external_updated_at: 1392036300, custom_attributes: { order_number: 'S-1', status: 'paid' } });
	await ok('GET /custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}', `/custom_object_instances/Order/${created.id}`);
	await ok('GET /custom_object_instances/{custom_object_type_identifier}', '/custom_object_instances/Order?external_id=S-1');
	expect(await ok('DELETE /custom_object_instances/{custom_object_type_identifier}', '/custom_object_instances/Order?external_id=S-1')).toEqual({ id: created.id, object: 'Order', deleted: true });
	const other = await ok('POST /custom_object_instances/{custom_object_type_identifier}', '/custom_object_instances/Order', { external_id: 'S-2' });
	expect(await ok('DELETE /custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}', `/custom_object_instances/Order/${other.id}`)).toEqual({
		id: other.id,
		object: 'Order',
		deleted: true,
	});
	expect(Object.keys(customObjectRoutes).filter((key) => !seen.has(key))).toEqual([]);
});

it('returns number attributes as Intercom\'s examples do, the one departure from the schema (text only)', async () => {
	const seeded = await call(sb, 'GET', '/custom_object_instances/Order?external_id=ORDER-1001');
	expect(seeded.json.custom_attributes).toEqual({ order_number: 'ORDER-1001', total_amount: 49.5 });
	expect(shapeProblems('GET /custom_object_instances/{custom_object_type_identifier}', 200, seeded.json)).toEqual([
		expect.stringMatching(/^\$\.custom_attributes\.total_amount: .*string/),
	]);
});

it("refuses an unknown type or instance, and a create without external_id, as Intercom does", async () => {
	const type = await call(sb, 'GET', '/custom_object_instances/Invoice?external_id=X');
	expect([type.status, type.json.errors[0]]).toEqual([404, { code: 'not_found', message: 'Custom object type `Invoice` not found' }]);
	const instance = await call(sb, 'GET', '/custom_object_instances/Order/999999');
	expect([instance.status, instance.json.errors[0].message]).toEqual([404, 'Custom object instance not found']);
	// Delete by ID takes Intercom's ID only, where Get also finds an external ID.
	const byExternal = await call(sb, 'DELETE', '/custom_object_instances/Order/ORDER-1001');
	expect(byExternal.status).toBe(404);
	const noExternal = await call(sb, 'POST', '/custom_object_instances/Order', { custom_attributes: { order_number: 'x' } });
	expect([noExternal.status, noExternal.json.errors[0].code]).toEqual([400, 'parameter_not_found']);
});
