/** How the editor shows the new resources: locators without an app-URL form, dynamic lists where a user picks. */
import type { INodeProperties } from 'n8n-workflow';

import { Intercom } from '../../nodes/Intercom/Intercom.node';

const properties = new Intercom().description.properties;
const find = (name: string, resource: string, operation: string): INodeProperties | undefined =>
	properties.find((p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));

describe('Help Center and News in the editor', () => {
	it.each([
		['collectionId', 'collection', 'get'],
		['newsItemId', 'newsItem', 'update'],
		['newsfeedId', 'newsfeed', 'getLiveItems'],
	])('%s is chosen from a searchable list or by ID (its app URL carries no ID to rely on)', (name, resource, operation) => {
		const locator = find(name, resource, operation);
		expect(locator?.type).toBe('resourceLocator');
		expect(locator?.modes?.map((m) => m.name)).toEqual(['list', 'id']);
	});

	it('keeps the URL form for objects whose app URLs carry the ID', () => {
		expect(find('articleId', 'article', 'get')?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'url']);
	});

	it('offers parents, Help Centers, senders and newsfeeds from the workspace', () => {
		const additional = find('additionalFields', 'collection', 'create')?.options as INodeProperties[];
		expect(additional.find((o) => o.name === 'parentId')?.typeOptions?.loadOptionsMethod).toBe('getCollections');
		expect(additional.find((o) => o.name === 'helpCenterId')?.typeOptions?.loadOptionsMethod).toBe('getHelpCenters');
		expect(find('helpCenterId', 'helpCenter', 'get')?.typeOptions?.loadOptionsMethod).toBe('getHelpCenters');
		expect(find('senderId', 'newsItem', 'create')?.typeOptions?.loadOptionsMethod).toBe('getAdmins');
		const newsFields = find('additionalFields', 'newsItem', 'create')?.options as INodeProperties[];
		const feeds = newsFields.find((o) => o.name === 'newsfeedAssignments')?.options as Array<{ values: INodeProperties[] }>;
		expect(feeds[0].values.find((v) => v.name === 'newsfeedId')?.typeOptions?.loadOptionsMethod).toBe('getNewsfeeds');
	});
});
