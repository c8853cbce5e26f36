import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { BASE_URL, call, fakeIntercom, locator, TOKEN } from '../helpers/fake-intercom';
import { credentialsFor, runNode, type RunNodeResult } from '../helpers/n8n';

afterEach(() => nock.cleanAll());

function runArticle(parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}): Promise<RunNodeResult> {
	return runNode({
		parameters: { resource: 'article', ...parameters },
		credentials: credentialsFor(BASE_URL, TOKEN),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

function article(id: string | number, extra: IDataObject = {}): IDataObject {
	return { type: 'article', id: String(id), title: `Article ${id}`, author_id: 991267708, state: 'published', ...extra };
}

describe('article create', () => {
	it('sends every field in the form Intercom takes and outputs the article', async () => {
		const created = article(55, { title: 'Reset your password' });
		const api = fakeIntercom().on('POST', '/articles', created);
		const result = await runArticle({
			operation: 'create',
			title: ' Reset your password ',
			authorId: '991267708',
			additionalFields: {
				body: '<p>Open settings</p>',
				description: 'Steps to reset',
				state: 'published',
				parentId: '145',
				parentType: 'section',
				translatedContent: '{"fr": {"title": "Réinitialiser", "body": "<p>Ouvrir</p>", "author_id": 991267708, "state": "draft"}}',
			},
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([
			call('POST', '/articles', {
				body: {
					title: 'Reset your password',
					author_id: 991267708,
					body: '<p>Open settings</p>',
					description: 'Steps to reset',
					state: 'published',
					parent_id: 145,
					parent_type: 'section',
					translated_content: { fr: { title: 'Réinitialiser', body: '<p>Ouvrir</p>', author_id: 991267708, state: 'draft' } },
				},
			}),
		]);
		expect(result.items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it('creates one article per item from expressions, each output paired with its item', async () => {
		const api = fakeIntercom().on('POST', '/articles', article(1)).on('POST', '/articles', article(2));
		const result = await runArticle(
			{ operation: 'create', title: '={{ $json.title }}', authorId: '={{ $json.author }}', additionalFields: {} },
			{ items: [{ title: 'First', author: 7 }, { title: 'Second', author: '8' }] },
		);
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([
			call('POST', '/articles', { body: { title: 'First', author_id: 7 } }),
			call('POST', '/articles', { body: { title: 'Second', author_id: 8 } }),
		]);
		expect(result.items).toEqual([
			{ json: article(1), pairedItem: { item: 0 } },
			{ json: article(2), pairedItem: { item: 1 } },
		]);
	});

	it.each([
		['an empty title', { title: '  ' }, 'Parameter "Title": a value is required'],
		['no author', { authorId: '={{ "" }}' }, 'Parameter "Author Name or ID": a value is required'],
		['an author that is not an ID', { authorId: '={{ "Ada" }}' }, 'Parameter "Author Name or ID": "Ada" is not a whole number'],
		['a parent type without a parent ID', { additionalFields: { parentType: 'collection' } }, 'Parameter "Parent Type": "Parent ID" is needed too'],
		['a parent ID that is not a number', { additionalFields: { parentId: 'faq' } }, 'Parameter "Parent ID": "faq" is not a whole number'],
		['translations that are not JSON', { additionalFields: { translatedContent: '{fr: ' } }, 'Parameter "Translated Content (JSON)": invalid JSON'],
		['translations in a list', { additionalFields: { translatedContent: '[{"title": "x"}]' } }, 'Parameter "Translated Content (JSON)": a JSON object ({ … }) is required'],
		['an unknown locale', { additionalFields: { translatedContent: '{"french": {"title": "x"}}' } }, 'Parameter "Translated Content (JSON)": "french" is not a locale Intercom articles support'],
		['a locale without an object', { additionalFields: { translatedContent: '{"fr": "Bonjour"}' } }, 'Parameter "Translated Content (JSON)": the content for "fr" must be an object such as {"title": "…", "body": "…"}'],
	])('refuses %s before sending anything for that item', async (_label, parameters, message) => {
		const api = fakeIntercom().on('POST', '/articles', article(1));
		const result = await runArticle(
			{ operation: 'create', title: '={{ $json.title }}', authorId: '991267708', additionalFields: {}, ...parameters },
			{ items: [{ title: 'Fine' }, { title: 'Also fine' }] },
		);
		expect(result.error?.message).toBe(message);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.calls).toEqual([]);
	});

	it('names the item whose value is bad, after the items before it went out', async () => {
		const api = fakeIntercom().on('POST', '/articles', article(1));
		const result = await runArticle(
			{ operation: 'create', title: '={{ $json.title }}', authorId: '991267708', additionalFields: {} },
			{ items: [{ title: 'Fine' }, { title: '' }] },
		);
		expect(result.error?.message).toBe('Parameter "Title": a value is required');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(api.calls).toEqual([call('POST', '/articles', { body: { title: 'Fine', author_id: 991267708 } })]);
	});
});

describe('article get and delete', () => {
	it.each([
		['by ID', locator('9333081')],
		['from the list', locator('9333081', 'list')],
		['by URL', locator('https://app.intercom.com/a/apps/abc123/articles/articles/9333081/show', 'url')],
	])('gets an article %s', async (_label, articleId) => {
		const api = fakeIntercom().on('GET', '/articles/9333081', article(9333081));
		const result = await runArticle({ operation: 'get', articleId });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('GET', '/articles/9333081')]);
		expect(result.items).toEqual([{ json: article(9333081), pairedItem: { item: 0 } }]);
	});

	it.each([['abc'], ['12/34'], [' ']])('refuses the article ID %j from an expression without a request', async (value) => {
		const api = fakeIntercom();
		const result = await runArticle({ operation: 'get', articleId: locator('={{ $json.id }}') }, { items: [{ id: value }] });
		expect(result.error?.message).toMatch(/^Parameter "Article": /);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.calls).toEqual([]);
	});

	it('reports a missing article by name, or outputs the error per item with Continue On Fail', async () => {
		const notFound = { type: 'error.list', request_id: 'r1', errors: [{ code: 'not_found', message: 'Resource Not Found' }] };
		fakeIntercom().on('GET', '/articles/404', notFound, { status: 404 }).on('GET', '/articles/5', article(5));
		const result = await runArticle({ operation: 'get', articleId: '={{ $json.id }}' }, { items: [{ id: 404 }, { id: 5 }], continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: 'Article was not found in Intercom', description: expect.stringContaining('not_found') }, pairedItem: { item: 0 } },
			{ json: article(5), pairedItem: { item: 1 } },
		]);
	});

	it('deletes an article and outputs what Intercom confirms', async () => {
		const deleted = { id: '6890762', object: 'article', deleted: true };
		const api = fakeIntercom().on('DELETE', '/articles/6890762', deleted);
		const result = await runArticle({ operation: 'delete', articleId: locator('6890762') });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('DELETE', '/articles/6890762')]);
		expect(result.items).toEqual([{ json: deleted, pairedItem: { item: 0 } }]);
	});
});

describe('article update', () => {
	it('sends only the fields to change, parent ID as the string update takes', async () => {
		const updated = article(42, { title: 'New title' });
		const api = fakeIntercom().on('PUT', '/articles/42', updated);
		const result = await runArticle({
			operation: 'update',
			articleId: locator('42'),
			updateFields: { title: 'New title', authorId: '991267708', state: 'draft', parentId: '18', parentType: 'collection' },
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([
			call('PUT', '/articles/42', {
				body: { title: 'New title', author_id: 991267708, state: 'draft', parent_id: '18', parent_type: 'collection' },
			}),
		]);
		expect(result.items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	it('updates translations alone', async () => {
		const api = fakeIntercom().on('PUT', '/articles/42', article(42));
		const result = await runArticle({
			operation: 'update',
			articleId: locator('42'),
			updateFields: { translatedContent: { 'pt-BR': { title: 'Olá' } } },
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('PUT', '/articles/42', { body: { translated_content: { 'pt-BR': { title: 'Olá' } } } })]);
	});

	it.each([
		['nothing to change', {}, 'Parameter "Update Fields": add at least one field to change'],
		// A blank field in Update Fields is "not given" (the title stays as it is): nothing is left to change.
		['only a blank title', { title: ' ' }, 'Parameter "Update Fields": add at least one field to change'],
		['a parent type alone', { parentType: 'section' }, 'Parameter "Parent Type": "Parent ID" is needed too'],
	])('refuses %s without a request', async (_label, updateFields, message) => {
		const api = fakeIntercom();
		const result = await runArticle({ operation: 'update', articleId: locator('42'), updateFields });
		expect(result.error?.message).toBe(message);
		expect(api.calls).toEqual([]);
	});
});
