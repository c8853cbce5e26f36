/**
 * The README's topics table lists exactly the topics the node offers, each once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { TOPIC_OPTIONS, TOPICS } from '../../nodes/IntercomWebhookTrigger/topics';

describe('README webhook topics', () => {
	it('lists every topic the node offers, and no other', () => {
		const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('<!-- webhook-topics:start'), readme.indexOf('<!-- webhook-topics:end -->'));
		// The second column of each row holds the topics.
		const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Object') && !line.startsWith('| ---'));
		const listed = rows.flatMap((row) => [...row.split('|')[2].matchAll(/`([a-z_.]+)`/g)].map((m) => m[1]));
		expect([...listed].sort()).toEqual(TOPICS.map((t) => t.topic).sort());
		expect(new Set(listed).size).toBe(listed.length);
	});

	it('offers each topic once, grouped by object in the list', () => {
		expect(new Set(TOPIC_OPTIONS.map((o) => o.value)).size).toBe(TOPICS.length);
		const groups = TOPIC_OPTIONS.map((o) => String(o.name).split(':')[0]);
		// Sorted by name, the options of one object stand together.
		const firstSeen = groups.filter((g, i) => groups.indexOf(g) === i);
		expect(groups).toEqual(firstSeen.flatMap((g) => groups.filter((x) => x === g)));
	});
});
