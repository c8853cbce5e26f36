import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { groupOperations, inScopeOperations, loadSpec, scopeGroups } from '../scope';
import { operations } from '../../nodes/Intercom/actions/registry';
import { Intercom } from '../../nodes/Intercom/Intercom.node';
import { readmeWithTable } from '../../scripts/operations-table';

const spec = loadSpec();

describe('the node covers API 2.14', () => {
	const inScope = inScopeOperations(spec);
	const offered = new Set(operations.flatMap((d) => [`${d.method} ${d.path}`, ...(d.alsoCalls ?? [])]));

	it.each(scopeGroups().map((g) => [g.name, g] as const))('the group "%s" holds the operations it counts, all in the spec', (_name, group) => {
		const keys = groupOperations(group, spec);
		expect(keys.filter((key) => !(key in spec.operations))).toEqual([]);
		expect(keys).toHaveLength(group.count);
	});

	it('every one of them is an operation of the node', () => {
		expect(inScope.filter((key) => !offered.has(key))).toEqual([]);
	});

	it('every operation of the node calls a path and method the spec knows', () => {
		expect([...offered].filter((key) => !(key in spec.operations)).sort()).toEqual([]);
	});

	it('operation values are unique within a resource', () => {
		const keys = operations.map((d) => `${d.resource}:${d.value}`);
		expect(keys.length).toBe(new Set(keys).size);
	});
});

describe('the README', () => {
	it("lists exactly the node's operations (run `npm run docs:operations` after changing them)", () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toBe(readmeWithTable(readme));
	});
});

describe('the node description', () => {
	const description = new Intercom().description;

	it('is usable as an AI tool, and every operation says what it does', () => {
		expect(description.usableAsTool).toBe(true);
		for (const def of operations) {
			expect(def.description.length).toBeGreaterThan(20);
			expect(def.action).toMatch(/^[A-Z]/);
		}
	});

	it('opens on Contact › Get, and every resource has a Get to default to', () => {
		const resource = description.properties.find((p) => p.name === 'resource');
		expect(resource?.default).toBe('contact');
		for (const op of description.properties.filter((p) => p.name === 'operation')) {
			expect(op.default).toBe('get');
			expect((op.options as Array<{ value: string }>).map((o) => o.value)).toContain('get');
		}
	});

	it('shows each operation only its own fields', () => {
		for (const property of description.properties) {
			if (['authentication', 'resource', 'operation'].includes(property.name)) continue;
			expect(property.displayOptions?.show?.resource).toHaveLength(1);
			expect(property.displayOptions?.show?.operation).toHaveLength(1);
		}
	});
});
