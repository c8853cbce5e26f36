import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'bench/out/**', '.e2e/**'] },
	// Typescript parsing for every .ts file in the repository (nodes, credentials, tests, sandbox, tools).
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	// n8n's community-node rules apply to what ships: the nodes and the credentials.
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'] },
	// The package.json rules read the manifest as a JS object expression.
	{ files: ['package.json'], languageOptions: { parser: tseslint.parser } },
];
