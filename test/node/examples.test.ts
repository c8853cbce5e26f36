import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = join(__dirname, '../../examples/workflows');
const examples = readdirSync(folder)
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, id: (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { id?: unknown }).id }));

describe('the example workflows', () => {
	it('exist', () => {
		expect(examples.length).toBeGreaterThan(0);
	});

	// n8n 1.x saves a workflow's static data (where a trigger keeps its position) and links its
	// executions only when the id has 1 to 16 characters (`isWorkflowIdValid`); 2.x allows 21. An
	// example imported with `n8n import:workflow` keeps its id, so a longer one loses the trigger's
	// position at every restart on 1.x.
	it.each(examples)('$file has an id n8n 1.x keeps static data for (1 to 16 characters)', ({ id }) => {
		expect(typeof id).toBe('string');
		expect(String(id).length).toBeGreaterThanOrEqual(1);
		expect(String(id).length).toBeLessThanOrEqual(16);
	});

	it('have distinct ids', () => {
		expect(new Set(examples.map((e) => e.id)).size).toBe(examples.length);
	});
});
