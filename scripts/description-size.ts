/**
 * How heavy the Intercom node is for n8n's editor:
 *   1. the node type description as n8n serves it to the editor (the built node's `description`
 *      as JSON, what `/types/nodes.json` carries for it): bytes raw and gzipped, and the number
 *      of properties, for each of the package's nodes;
 *   2. with `--n8n` (a real n8n 2.40.7 from the e2e runtime cache, E2E_CACHE_DIR), the editor's
 *      load of the node types: `GET /types/nodes.json` of an n8n without the package and of one
 *      with it installed, size (raw, gzipped) and time to serve (median of 5, after one warm-up).
 * The figures go into bench/results.md between the `description-size` markers, under a label
 * (`--label before`), so a later run (`--label after`) adds its row beside the earlier ones.
 *
 * Run: npm run build && npx tsx scripts/description-size.ts --label before [--n8n]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

import { N8nInstance } from '../e2e/runtime/n8n';
import { DEFAULT_N8N_VERSION } from '../e2e/runtime/paths';

const ROOT = resolve(__dirname, '..');
const RESULTS = join(ROOT, 'bench/results.md');
const START = '<!-- description-size:start (scripts/description-size.ts) -->';
const END = '<!-- description-size:end -->';

interface NodeFigure {
	node: string;
	properties: number;
	raw: number;
	gzip: number;
}

interface EditorFigure {
	withPackage: boolean;
	types: number;
	raw: number;
	gzip: number;
	medianMs: number;
}

const NODES = [
	['Intercom', 'dist/nodes/Intercom/Intercom.node.js', 'Intercom'],
	['Intercom Trigger', 'dist/nodes/IntercomTrigger/IntercomTrigger.node.js', 'IntercomTrigger'],
	['Intercom Webhook Trigger', 'dist/nodes/IntercomWebhookTrigger/IntercomWebhookTrigger.node.js', 'IntercomWebhookTrigger'],
] as const;

/** Parameters at any depth (collections' and fixed collections' fields included). */
function countProperties(value: unknown): number {
	if (Array.isArray(value)) return value.reduce((n: number, v) => n + countProperties(v), 0);
	if (!value || typeof value !== 'object') return 0;
	const object = value as Record<string, unknown>;
	const isParameter = typeof object.displayName === 'string' && typeof object.type === 'string' && 'default' in object;
	return (isParameter ? 1 : 0) + countProperties(object.options) + countProperties(object.values);
}

function nodeFigures(): NodeFigure[] {
	return NODES.map(([label, file, exportName]) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(ROOT, file)) as Record<string, new () => { description: { properties: unknown[] } }>;
		const description = new module[exportName]().description;
		const json = Buffer.from(JSON.stringify(description));
		return { node: label, properties: countProperties(description.properties), raw: json.length, gzip: gzipSync(json).length };
	});
}

async function editorFigure(withPackage: boolean): Promise<EditorFigure> {
	const n8n = await N8nInstance.create({ version: DEFAULT_N8N_VERSION, name: `description-size-${withPackage ? 'with' : 'without'}`, skipPackage: !withPackage });
	try {
		await n8n.start();
		await n8n.setupOwner();
		const times: number[] = [];
		let body = '';
		for (let round = 0; round < 6; round++) {
			const started = process.hrtime.bigint();
			const res = await n8n.fetchRaw('GET', '/types/nodes.json');
			body = await res.text();
			if (!res.ok) throw new Error(`/types/nodes.json → ${res.status}`);
			if (round > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
		}
		times.sort((a, b) => a - b);
		const types = (JSON.parse(body) as unknown[]).length;
		const buffer = Buffer.from(body);
		return { withPackage, types, raw: buffer.length, gzip: gzipSync(buffer).length, medianMs: times[Math.floor(times.length / 2)] };
	} finally {
		await n8n.stop();
	}
}

const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { label: { type: 'string', default: 'now' }, n8n: { type: 'boolean', default: false } } });
	const date = new Date().toISOString().slice(0, 10);
	const nodes = nodeFigures();
	const rows = nodes.map((n) => `| ${values.label} (${date}) | ${n.node} | ${n.properties} | ${kb(n.raw)} | ${kb(n.gzip)} |`);
	const editorRows: string[] = [];
	if (values.n8n) {
		const without = await editorFigure(false);
		const withIt = await editorFigure(true);
		for (const e of [without, withIt]) {
			editorRows.push(`| ${values.label} (${date}) | ${e.withPackage ? 'with the package' : 'without it'} | ${e.types} | ${kb(e.raw)} | ${kb(e.gzip)} | ${e.medianMs.toFixed(1)} ms |`);
		}
		editorRows.push(`| ${values.label} (${date}) | the package's share | ${withIt.types - without.types} | ${kb(withIt.raw - without.raw)} | ${kb(withIt.gzip - without.gzip)} | ${(withIt.medianMs - without.medianMs).toFixed(1)} ms |`);
	}
	for (const line of [...rows, ...editorRows]) console.log(line);

	const text = readFileSync(RESULTS, 'utf8');
	const previous = text.includes(START) ? text.slice(text.indexOf(START) + START.length, text.indexOf(END)) : '';
	const keep = (heading: string) => {
		const block = previous.split(heading)[1]?.split('\n\n')[0] ?? '';
		return block.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Run') && !l.startsWith('| ---') && !l.startsWith(`| ${values.label} (`));
	};
	const nodeTable = [...keep('### Node descriptions'), ...rows];
	const editorTable = [...keep('### Editor load'), ...(editorRows.length > 0 ? editorRows : [])];
	const section = [
		START,
		'## Node description size and the editor\'s load',
		'',
		'`npx tsx scripts/description-size.ts --label <label> [--n8n]` after `npm run build`: the node type description as n8n serves it to',
		'the editor (`JSON.stringify(description)`, what `/types/nodes.json` holds for the node; gzipped as the editor receives it), and',
		`with \`--n8n\` a real n8n ${DEFAULT_N8N_VERSION} serving \`GET /types/nodes.json\` (the node types the editor loads at start) without and with`,
		'the package installed: its size and the time to serve it (median of 5 after a warm-up, on this shared 2-core machine).',
		'',
		'### Node descriptions',
		'| Run | Node | Properties | JSON | gzipped |',
		'| --- | --- | ---: | ---: | ---: |',
		...nodeTable,
		'',
		'### Editor load',
		'| Run | n8n | Node types | /types/nodes.json | gzipped | Time to serve |',
		'| --- | --- | ---: | ---: | ---: | ---: |',
		...editorTable,
		END,
	].join('\n');
	const updated = text.includes(START)
		? text.slice(0, text.indexOf(START)) + section + text.slice(text.indexOf(END) + END.length)
		: `${text.trimEnd()}\n\n${section}\n`;
	writeFileSync(RESULTS, updated);
	console.log(`updated ${RESULTS}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
