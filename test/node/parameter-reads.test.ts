import type { INodeProperties } from 'n8n-workflow';
import { Intercom } from '../../nodes/Intercom/Intercom.node';
import type { IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

import { readParameter } from '../../nodes/Intercom/actions/executor';
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

describe('readParameter', () => {
	/** A context whose reads are recorded; the full read marks what it returns, as resolution would. */
	function recording(stored: Record<string, unknown>) {
		const reads: Array<{ name: string; options?: IGetNodeParameterOptions }> = [];
		const fn = {
			getNodeParameter: (name: string, _item: number, fallback?: unknown, options?: IGetNodeParameterOptions) => {
				reads.push({ name, options });
				const value = name in stored ? stored[name] : fallback;
				return options?.rawExpressions ? value : { resolved: value };
			},
		} as unknown as IExecuteFunctions;
		return { fn, reads };
	}

	it('takes a stored value that is not an expression as it is, with one raw read', () => {
		const { fn, reads } = recording({ returnAll: true, limit: 5, email: 'a@example.com', none: null });
		expect(readParameter(fn, 'returnAll', 0, false, EXTRACTED_PARAMETERS)).toBe(true);
		expect(readParameter(fn, 'limit', 0, 50, EXTRACTED_PARAMETERS)).toBe(5);
		expect(readParameter(fn, 'email', 0, '', EXTRACTED_PARAMETERS)).toBe('a@example.com');
		expect(readParameter(fn, 'none', 0, '', EXTRACTED_PARAMETERS)).toBeNull();
		expect(readParameter(fn, 'notShown', 0, 7, EXTRACTED_PARAMETERS)).toBe(7);
		expect(reads.every((r) => r.options?.rawExpressions === true)).toBe(true);
	});

	it('resolves expressions, objects and parameters to extract through the full read, schema check skipped', () => {
		const locator = [...EXTRACTED_PARAMETERS][0];
		const { fn, reads } = recording({ email: '={{ $json.email }}', additionalFields: { name: 'x' }, [locator]: { __rl: true, mode: 'id', value: '1' } });
		expect(readParameter(fn, 'email', 0, '', EXTRACTED_PARAMETERS)).toEqual({ resolved: '={{ $json.email }}' });
		expect(readParameter(fn, 'additionalFields', 0, {}, EXTRACTED_PARAMETERS)).toEqual({ resolved: { name: 'x' } });
		expect(readParameter(fn, locator, 0, '', EXTRACTED_PARAMETERS)).toEqual({ resolved: { __rl: true, mode: 'id', value: '1' } });
		const full = reads.filter((r) => !r.options?.rawExpressions);
		expect(full.map((r) => [r.name, r.options])).toEqual([
			['email', { extractValue: false, skipValidation: true }],
			['additionalFields', { extractValue: false, skipValidation: true }],
			[locator, { extractValue: true, skipValidation: true }],
		]);
		// The locator is never taken raw: its value must be extracted.
		expect(reads.filter((r) => r.name === locator)).toHaveLength(1);
	});
});
