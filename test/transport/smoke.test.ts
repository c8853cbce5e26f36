import nock from 'nock';

import { credentialsFor, runNode } from '../helpers/n8n';

describe('harness smoke', () => {
	afterEach(() => nock.cleanAll());

	it('runs admin getCurrent through n8n-core', async () => {
		const scope = nock('http://intercom.test', {
			reqheaders: { authorization: 'Bearer tok_123', 'intercom-version': '2.14', accept: 'application/json' },
		})
			.get('/me')
			.reply(200, { type: 'admin', id: '1', email: 'a@b.c' }, { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '999', 'X-RateLimit-Reset': '9999999999' });
		const result = await runNode({
			parameters: { resource: 'admin', operation: 'getCurrent' },
			credentials: credentialsFor('http://intercom.test', 'tok_123'),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ type: 'admin', id: '1', email: 'a@b.c' }]);
		expect(scope.isDone()).toBe(true);
	});
});
