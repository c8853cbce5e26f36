import type { INodeProperties } from 'n8n-workflow';

import { Intercom } from '../../nodes/Intercom/Intercom.node';
import { EXTRACTED_PARAMETERS } from '../../nodes/Intercom/actions/router';

/**
 * How the node reads its parameters (executor.ts `readOptions`): n8n is asked to extract a value
 * only for the parameters that need it, and to skip its schema check, which acts on nothing in this
 * description. Both hold only while the description stays as these tests find it.
 */
const properties = new Intercom().description.properties;

/** Every property at every depth: collection options, fixed-collection values. */
function everyProperty(list: INodeProperties[]): INodeProperties[] {
	const out: INodeProperties[] = [];
	for (const property of list) {
		out.push(property);
		for (const option of (property.options ?? []) as Array<Partial<INodeProperties> & { values?: INodeProperties[] }>) {
			if (option.values) out.push(...everyProperty(option.values));
			else if (option.type !== undefined && option.name !== undefined) out.push(...everyProperty([option as INodeProperties]));
		}
	}
	return out;
}

describe('parameter reads', () => {
	it('ask n8n to extract the value of exactly the top-level parameters that have one to extract', () => {
		const needing = new Set(properties.filter((p) => p.type === 'resourceLocator' || p.type === 'filter' || p.extractValue !== undefined).map((p) => p.name));
		expect(needing.size).toBeGreaterThan(0);
		expect([...EXTRACTED_PARAMETERS].sort()).toEqual([...needing].sort());
	});

	it("skip n8n's schema check only because it has nothing to check: no validateType, no resource mapper, at any depth", () => {
		const all = everyProperty(properties);
		expect(all.length).toBeGreaterThan(properties.length);
		const checked = all.filter((p) => p.validateType !== undefined || p.type === 'resourceMapper' || p.type === 'filter').map((p) => p.name);
		expect(checked).toEqual([]);
	});
});
