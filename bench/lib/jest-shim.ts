/**
 * Lets the benchmark load what the tests load, outside jest; imported before anything else.
 *
 * - test/helpers/n8n.ts registers an `afterAll` hook: outside jest it gets a no-op one.
 * - `import … from './Intercom.node'` means `Intercom.node.ts` (jest looks for .ts first), but
 *   Node's resolver, which tsx keeps, tries `.json` before `.ts` and finds the codex file
 *   `Intercom.node.json` next to it. A request without an extension that lands on a `.json` file
 *   with a `.ts` sibling gets the `.ts` file.
 */
import * as fs from 'node:fs';
import Module from 'node:module';

const g = globalThis as { afterAll?: (fn: () => unknown) => void };
if (typeof g.afterAll !== 'function') g.afterAll = () => {};

const internals = Module as unknown as {
	_resolveFilename: (request: string, ...rest: unknown[]) => string;
};
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
