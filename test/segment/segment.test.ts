/** Segments through n8n against the sandbox: list (with counts when asked) and get one. */
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('segment');

describe('segment operations', () => {
	it('lists every segment, with contact counts only when asked', async () => {
		const ws = node.sb().workspace;
		const plain = await node.run({ operation: 'getMany', returnAll: true });
		expect(plain.sent.map((r) => r.query)).toEqual([{}]);
		expect(plain.json.map((s) => s.id)).toEqual([...ws.segments.keys()]);
		expect(plain.json.every((s) => s.count === undefined || s.count === null)).toBe(true);

		const counted = await node.run({ operation: 'getMany', returnAll: false, limit: 2, options: { includeCount: true } });
		expect(counted.sent.map((r) => r.query)).toEqual([{ include_count: 'true' }]);
		expect(counted.json).toHaveLength(2);
		const segment = ws.segments.get(String(counted.json[0].id))!;
		expect(counted.json[0].count).toBe(ws.contacts.all().filter((c) => segment.matches(c)).length);
	});

	it('gets one segment, and refuses a malformed ID before sending', async () => {
		const id = [...node.sb().workspace.segments.keys()][0];
		const [segment] = await node.ok({ operation: 'get', segmentId: id });
		expect(segment).toMatchObject({ type: 'segment', id });
		const bad = await node.run({ operation: 'get', segmentId: 'a/b' });
		expect(bad.error?.message).toBe('Parameter "Segment Name or ID": "a/b" is not a valid ID');
		expect(bad.sent).toEqual([]);
	});
});
