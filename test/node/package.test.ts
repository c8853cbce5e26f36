import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: object;
	peerDependencies?: Record<string, string>;
	files?: string[];
	keywords?: string[];
};

/** dist/nodes/X/X.node.js → nodes/X/X.node.ts, and the export n8n will require: X. */
function sourceOf(distPath: string): { source: string; exportName: string } {
	const source = join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const exportName = basename(distPath).split('.')[0];
	return { source, exportName };
}

describe('the package as n8n loads it', () => {
	it('is a community node package with no runtime dependencies', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.files).toEqual(['dist']);
	});

	it('lists the nodes and the credentials', () => {
		expect(pkg.n8n.nodes.map((p) => basename(p)).sort()).toEqual(['Intercom.node.js', 'IntercomTrigger.node.js', 'IntercomWebhookTrigger.node.js']);
		expect(pkg.n8n.credentials.map((p) => basename(p)).sort()).toEqual([
			'IntercomAccessTokenApi.credentials.js',
			'IntercomOAuth2Api.credentials.js',
			'IntercomWebhookSecretApi.credentials.js',
		]);
	});

	it.each([...pkg.n8n.nodes, ...pkg.n8n.credentials])('%s exports a class named after its file', (distPath) => {
		const { source, exportName } = sourceOf(distPath);
		expect(existsSync(source)).toBe(true);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source)[exportName];
		expect(typeof exported).toBe('function');
		const instance = new exported();
		if (distPath.endsWith('.node.js')) expect(instance.description.name).toBeTruthy();
		else expect(instance.name).toMatch(/^intercom(AccessToken|OAuth2|WebhookSecret)Api$/);
	});

	it('credential type names do not collide with n8n\'s built-in intercomApi', () => {
		for (const distPath of pkg.n8n.credentials) {
			const { source, exportName } = sourceOf(distPath);
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			expect(new (require(source)[exportName])().name).not.toBe('intercomApi');
		}
	});
});
