/**
 * One project per Intercom API version the credential offers. `api-2.14` (the default version) runs
 * every test. `api-2.15` and `api-2.16` run again every test file that runs the node against the
 * sandbox (found by what it imports, so a new resource's tests join by themselves), with the test
 * credential's API Version set to that version (test/helpers/api-version.ts): the sandbox checks
 * each request against that version's description and answers in that version's shapes, and the
 * run's conformance report counts per version. Tests of the transport, the triggers, faults and
 * the sandbox itself are version-independent and run once; so do the tests that fake Intercom
 * with nock, which check requests the sandbox never sees (their version-dependent cases are in
 * test/node/api-versions.test.ts).
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const base = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	setupFiles: ['<rootDir>/test/quiet-logs.ts'],
};

/** Folders whose tests are not about operations: faults, the sandbox itself, the transport, the triggers. */
const NOT_OPERATIONS = new Set(['chaos', 'hostile', 'sandbox', 'transport', 'trigger', 'webhook']);
const RUNS_THE_NODE_ON_THE_SANDBOX = /startSandbox|sandboxNode\(|helpers\/sandbox-node'/;

function operationSuites() {
	const root = join(__dirname, 'test');
	const files = [];
	for (const dir of readdirSync(root, { withFileTypes: true })) {
		if (!dir.isDirectory() || NOT_OPERATIONS.has(dir.name)) continue;
		for (const file of readdirSync(join(root, dir.name), { recursive: true })) {
			const path = join(root, dir.name, String(file));
			if (path.endsWith('.test.ts') && RUNS_THE_NODE_ON_THE_SANDBOX.test(readFileSync(path, 'utf8'))) files.push(path);
		}
	}
	return files.map((path) => `<rootDir>/${relative(__dirname, path)}`);
}

const LATER_VERSIONS = ['2.15', '2.16'];

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		{ ...base, displayName: 'api-2.14' },
		...LATER_VERSIONS.map((version) => ({
			...base,
			displayName: `api-${version}`,
			globals: { INTERCOM_TEST_API_VERSION: version },
			testMatch: operationSuites(),
		})),
	],
	globalSetup: '<rootDir>/test/global-setup.ts',
	globalTeardown: '<rootDir>/test/global-teardown.ts',
	testTimeout: 30000,
};
