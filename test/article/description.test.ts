import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Intercom } from '../../nodes/Intercom/Intercom.node';

const properties = new Intercom().description.properties;
const forArticle = properties.filter((p) => p.displayOptions?.show?.resource?.includes('article'));

function flatten(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((p) => [p, ...flatten(((p.type === 'collection' ? p.options : []) ?? []) as INodeProperties[])]);
}

describe('article parameters follow n8n conventions', () => {
	it('offers every Articles operation of API 2.14, each described for an agent', () => {
		const operation = forArticle.find((p) => p.name === 'operation')!;
		const options = operation.options as INodePropertyOptions[];
		expect(options.map((o) => o.value)).toEqual(['create', 'delete', 'get', 'getMany', 'search', 'update']);
		for (const option of options) expect(String(option.description).length).toBeGreaterThan(30);
	});

	it('names, labels, booleans, option lists and dynamic options', () => {
		for (const p of flatten(forArticle)) {
			expect(p.name).toMatch(/^[a-z][A-Za-z]*$/);
			expect(p.displayName).toMatch(/^[A-Z0-9(][^\s]*( (?:[A-Z0-9(][^\s]*|or|of|to|a|an))*$/);
			if (p.type === 'boolean') expect(p.description).toMatch(/^Whether /);
			if (p.type === 'options' && Array.isArray(p.options) && p.name !== 'operation') {
				const names = (p.options as INodePropertyOptions[]).map((o) => o.name);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
			if (p.typeOptions?.loadOptionsMethod) {
				expect(p.displayName).toMatch(/ Name or ID$/);
				expect(p.description).toBe('Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>');
			}
		}
	});

	it('keeps optional values in Additional Fields / Update Fields', () => {
		const collections = forArticle.filter((p) => p.type === 'collection').map((p) => `${p.displayOptions!.show!.operation}:${p.displayName}`);
		expect(collections.sort()).toEqual(['create:Additional Fields', 'search:Additional Fields', 'update:Update Fields']);
	});
});
