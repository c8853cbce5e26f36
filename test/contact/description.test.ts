import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { contactOperations } from '../../nodes/Intercom/actions/contact';
import { Intercom } from '../../nodes/Intercom/Intercom.node';

const DYNAMIC_DESCRIPTION = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

// Search is the lead's, built by the shared search builder; these checks cover this folder's operations.
const mine = contactOperations.filter((d) => d.value !== 'search');
const mineValues = new Set(mine.map((d) => d.value));

function isContactProperty(p: INodeProperties): boolean {
	const show = p.displayOptions?.show;
	const operations = (show?.operation ?? []) as string[];
	return (show?.resource as string[] | undefined)?.includes('contact') === true && operations.length > 0 && operations.every((o) => mineValues.has(o));
}

/** Every parameter, with the ones nested in collections and fixed collections. */
function flatten(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => {
		const nested = (p.options ?? []).flatMap((o) => {
			if ('values' in o) return flatten((o as INodePropertyCollection).values);
			if ('type' in o) return flatten([o as INodeProperties]);
			return [];
		});
		return [p, ...nested];
	});
}

const description = new Intercom().description;
const contactProperties = [
	...new Map(flatten(description.properties.filter(isContactProperty)).map((p) => [`${p.name}/${p.displayName}/${p.type}`, p])).values(),
];

describe('contact parameters follow n8n conventions', () => {
	it('offers every operation, each with a description an agent can choose by', () => {
		const operation = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('contact'))!;
		const options = operation.options as INodePropertyOptions[];
		expect(options.map((o) => o.value)).toEqual(expect.arrayContaining([...mineValues]));
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		for (const option of options.filter((o) => mineValues.has(String(o.value)))) expect(String(option.description).length).toBeGreaterThan(20);
		expect(operation.default).toBe('get');
	});

	it.each(contactProperties.map((p) => [p.name, p.displayName, p] as const))('%s (%s)', (_name, _displayName, property) => {
		expect(property.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
		expect(property.displayName).toMatch(/^(\(?[A-Z0-9][A-Za-z0-9]*\)?|by|or|to|of|at|from|into)( (\(?[A-Z0-9][A-Za-z0-9]*\)?|by|or|to|of|at|from|into))*$/);
		if (property.type === 'boolean') expect(property.description).toMatch(/^Whether /);
		if (property.type === 'options' && Array.isArray(property.options)) {
			const names = (property.options as INodePropertyOptions[]).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
		if (property.typeOptions?.loadOptionsMethod) {
			expect(property.displayName).toMatch(/ Name or ID$/);
			expect(property.description).toBe(DYNAMIC_DESCRIPTION);
		}
	});

	it('keeps optional values in Additional Fields and Update Fields collections', () => {
		const collections = description.properties.filter((p) => isContactProperty(p) && p.type === 'collection').map((p) => [p.displayName, p.displayOptions?.show?.operation]);
		expect(collections).toEqual([
			['Additional Fields', ['create']],
			['Additional Fields', ['createOrUpdate']],
			['Update Fields', ['update']],
			['Additional Fields', ['addNote']],
		]);
	});
});
