/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	setupFiles: ['<rootDir>/test/quiet-logs.ts'],
	globalSetup: '<rootDir>/test/global-setup.ts',
	globalTeardown: '<rootDir>/test/global-teardown.ts',
	testTimeout: 30000,
};
