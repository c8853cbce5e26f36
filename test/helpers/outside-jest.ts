/**
 * Lets the soak and the benchmark (run by tsx, outside jest) load what the tests load; import it
 * before anything else. Two adjustments:
 * - test/helpers/n8n.ts registers an `afterAll` hook: outside jest it gets a no-op one;
 * - `import … from './Intercom.node'` means `Intercom.node.ts` (jest tries .ts first), but Node's
 *   resolver, which tsx keeps, tries `.json` first and finds the codex file `Intercom.node.json`:
 *   a request without an extension that lands on a `.json` file with a `.ts` sibling gets the `.ts`.
 */
import * as fs from 'node:fs';
import Module from 'node:module';

const g = globalThis as { afterAll?: (fn: () => unknown) => void };
if (typeof g.afterAll !== 'function') g.afterAll = () => {};

const internals = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = internals._resolveFilename;
internals._resolveFilename = function (request: string, ...rest: unknown[]): string {
	const resolved = original.call(this, request, ...rest);
	if (resolved.endsWith('.json') && !request.endsWith('.json') && request.startsWith('.')) {
		const ts = resolved.replace(/\.json$/, '.ts');
		if (fs.existsSync(ts)) return ts;
	}
	return resolved;
};

export {};
