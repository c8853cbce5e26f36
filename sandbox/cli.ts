/**
 * Command line: `npm run sandbox -- [options]`
 *
 *   --port N                 listen port (default 4010; 0 = any free port)
 *   --host H                 bind address (default 127.0.0.1)
 *   --contacts N             seeded contacts (default 200); also --conversations,
 *                            --articles, --companies, --tickets, --admins, --teams, --tags
 *   --seed N                 PRNG seed (default 1)
 *   --rate-limit N           requests per window per workspace (default 1000)
 *   --window-seconds N       rate-limit window (default 10)
 *   --search-delay-seconds N contact search indexing delay (default 5)
 *   --timezone Z             workspace IANA time zone (default America/New_York)
 *   --token T                access token for the default workspace
 *   --strict-version         reject requests without Intercom-Version
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './index';
import type { SeedOptions } from './seed';

const SEED_SIZES = ['contacts', 'conversations', 'articles', 'companies', 'tickets', 'admins', 'teams', 'tags'] as const;

function int(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0) {
		console.error(`--${name} must be a non-negative number`);
		process.exit(2);
	}
	return n;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			seed: { type: 'string' },
			'rate-limit': { type: 'string' },
			'window-seconds': { type: 'string' },
			'search-delay-seconds': { type: 'string' },
			timezone: { type: 'string' },
			token: { type: 'string' },
			'strict-version': { type: 'boolean' },
			help: { type: 'boolean' },
			...Object.fromEntries(SEED_SIZES.map((name) => [name, { type: 'string' as const }])),
		},
	});
	if (values.help) {
		console.log('usage: npm run sandbox -- [--port 4010] [--contacts N] [--rate-limit N --window-seconds N] [--search-delay-seconds N] [--timezone Zone] [--strict-version]');
		return;
	}
	const seed: SeedOptions = { seed: int(values.seed as string | undefined, 'seed', 1) };
	for (const name of SEED_SIZES) {
		const raw = (values as Record<string, unknown>)[name] as string | undefined;
		if (raw !== undefined) seed[name] = int(raw, name, 0);
	}
	const started = Date.now();
	const sb = await startSandbox({
		port: int(values.port as string | undefined, 'port', 4010),
		host: values.host as string | undefined,
		seed,
		rateLimit: {
			limit: int(values['rate-limit'] as string | undefined, 'rate-limit', 1000),
			windowSeconds: int(values['window-seconds'] as string | undefined, 'window-seconds', 10),
		},
		searchDelaySeconds: int(values['search-delay-seconds'] as string | undefined, 'search-delay-seconds', 5),
		timezone: values.timezone as string | undefined,
		token: values.token as string | undefined,
		strictVersion: Boolean(values['strict-version']),
	});
	const ws = sb.workspace;
	console.log(`Intercom sandbox (API 2.14) ready in ${Date.now() - started} ms`);
	console.log(`  base URL      ${sb.baseUrl}`);
	console.log(`  access token  ${sb.token}`);
	console.log(`  workspace     ${ws.idCode} (${ws.timezone}): ${ws.contacts.size} contacts, ${ws.conversations.size} conversations, ${ws.tickets.size} tickets, ${ws.articles.size} articles`);
	console.log(`  OAuth client  ${sb.oauth.clientId} / ${sb.oauth.clientSecret}  (authorize: ${sb.baseUrl}/oauth)`);
	console.log(`  control API   ${sb.baseUrl}/__sandbox/  (GET it for the route list)`);
	console.log(`  try: curl -H "Authorization: Bearer ${sb.token}" -H "Intercom-Version: 2.14" ${sb.baseUrl}/me`);
	const stop = () => {
		void sb.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
