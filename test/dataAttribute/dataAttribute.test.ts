/**
 * Data attributes through n8n against the sandbox: list with filters, create (a list needs its
 * values), update (archive, description, a list's values), and the dynamic list to choose one.
 */
import type { ILoadOptionsFunctions, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { credentialsFor, loadOptionsContext, nodeTypes } from '../helpers/n8n';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('dataAttribute');

describe('data attribute operations', () => {
	it('lists the attributes of a model, archived ones only when asked', async () => {
		const ws = node.sb().workspace;
		const { json, sent } = await node.run({ operation: 'getMany', returnAll: true, options: { model: 'company' } });
		expect(sent.map((r) => r.query)).toEqual([{ model: 'company' }]);
		expect(json.map((a) => a.name)).toEqual(ws.dataAttributes.filter((a) => a.model === 'company' && !a.archived).map((a) => a.name));
		const limited = await node.ok({ operation: 'getMany', returnAll: false, limit: 2, options: { includeArchived: true } });
		expect(limited).toHaveLength(2);
	});

	it('creates a list attribute and a date attribute, then archives and re-describes one', async () => {
		const { json, sent } = await node.run({ operation: 'create', name: 'Seat Band', model: 'company', dataType: 'options', listOptions: '1-10, 11-50, 51+', additionalFields: { description: 'Size band' } });
		expect(sent.map((r) => r.body)).toEqual([
			{ name: 'Seat Band', model: 'company', data_type: 'options', options: [{ value: '1-10' }, { value: '11-50' }, { value: '51+' }], description: 'Size band' },
		]);
		expect(json[0]).toMatchObject({ type: 'data_attribute', name: 'Seat Band', options: ['1-10', '11-50', '51+'], custom: true });

		const [renewal] = await node.ok({ operation: 'create', name: 'Renewal Date', model: 'contact', dataType: 'datetime', additionalFields: { messengerWritable: true } });
		expect(renewal).toMatchObject({ data_type: 'date', messenger_writable: true });

		const updated = await node.run({ operation: 'update', dataAttributeId: String(json[0].id), updateFields: { archived: true, description: 'Old size band', listOptions: 'small, large' } });
		expect(updated.sent.map((r) => [r.method, r.path, r.body])).toEqual([
			['PUT', `/data_attributes/${json[0].id}`, { archived: true, description: 'Old size band', options: [{ value: 'small' }, { value: 'large' }] }],
		]);
		expect(updated.json[0]).toMatchObject({ archived: true, options: ['small', 'large'] });
	});

	it('refuses, before sending, a name Intercom refuses, a list without two values, and a non-numeric ID', async () => {
		const cases: Array<[INodeParameters, string]> = [
			[{ operation: 'create', name: 'plan.tier', model: 'contact', dataType: 'string' }, 'Parameter "Name": "plan.tier" has characters Intercom refuses'],
			[{ operation: 'create', name: 'Band', model: 'contact', dataType: 'options', listOptions: 'only-one' }, 'Parameter "List Options": 1 value(s) given, a list needs at least two'],
			[{ operation: 'create', name: 'Band', model: '={{ "people" }}', dataType: 'string' }, 'Parameter "Model": "people" is not one of contact, company'],
			[{ operation: 'update', dataAttributeId: 'plan', updateFields: { archived: true } }, 'Parameter "Data Attribute Name or ID": "plan" is not a valid ID'],
		];
		for (const [parameters, message] of cases) {
			const result = await node.run(parameters);
			expect({ parameters, message: result.error?.message }).toEqual({ parameters, message });
			expect(result.sent).toEqual([]);
		}
	});

	it('reports what Intercom refuses: a name already used', async () => {
		const result = await node.run({ operation: 'create', name: 'seat band', model: 'contact', dataType: 'string' });
		expect(result.error?.message).toMatch(/already have 'Seat Band' in your company data/);
	});

	it('offers every custom attribute, archived ones marked, to choose for an update', async () => {
		const method = nodeTypes.getByNameAndVersion('n8n-nodes-intercom.intercom').methods!.loadOptions!.getDataAttributes as (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;
		const context = loadOptionsContext({ credentials: credentialsFor(node.sb().baseUrl, node.sb().token), parameters: { resource: 'dataAttribute', operation: 'update' } });
		const options = await method.call(context);
		expect(options).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Company: Seat Band (archived)' }), expect.objectContaining({ name: 'Contact: Renewal Date' })]));
		expect(options.every((o) => /^\d+$/.test(String(o.value)))).toBe(true);
	});
});
