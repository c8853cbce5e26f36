/**
 * Redis and PostgreSQL for the queue-mode scenario: installed with apt-get when missing (CI runs as
 * root on a fresh Debian machine), started on loopback with free ports in a temp folder this run
 * owns, and stopped (the folder removed, the logs kept) at the end.
 *
 * PostgreSQL refuses to run as root: as root, initdb and postgres run as the `postgres` user (which
 * the Debian package creates), through spawn's uid/gid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { n8nDir } from '../runtime/paths';
import { freePort, isRunning, sleep, stopProcess, track } from '../runtime/processes';

export type Log = (message: string) => void;

const PG_ROOT = '/usr/lib/postgresql';

function onPath(binary: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
		const candidate = path.join(dir, binary);
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}

export function findRedisServer(): string | undefined {
	return onPath('redis-server');
}

/** The bin/ folder of the newest PostgreSQL server (Debian: /usr/lib/postgresql/<major>/bin). */
export function findPostgresBin(): string | undefined {
	if (fs.existsSync(PG_ROOT)) {
		const majors = fs
			.readdirSync(PG_ROOT)
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const major of majors) {
			const bin = path.join(PG_ROOT, major, 'bin');
			if (fs.existsSync(path.join(bin, 'postgres')) && fs.existsSync(path.join(bin, 'initdb'))) return bin;
		}
	}
	const postgres = onPath('postgres');
	return postgres && onPath('initdb') ? path.dirname(postgres) : undefined;
}

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a command to completion, its output prefixed into our log; rejects on a non-zero exit. */
function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; cwd?: string; log: Log }): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			env: options.env ?? process.env,
			uid: options.uid,
			gid: options.gid,
			cwd: options.cwd,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output.split('\n').slice(-30).join('\n')}`));
		});
	});
}

export interface ServiceBinaries {
	redisServer: string;
	pgBin: string;
	/** apt-get time, 0 when nothing was missing. */
	installSeconds: number;
	installed: string[];
}

/**
 * Finds redis-server and PostgreSQL; installs what is missing with apt-get (as root), once.
 * Without root, says what to install instead.
 */
export async function ensureServices(log: Log): Promise<ServiceBinaries> {
	const started = Date.now();
	const missing: string[] = [];
	if (!findRedisServer()) missing.push('redis-server');
	if (!findPostgresBin()) missing.push('postgresql');
	if (missing.length > 0) {
		if (!isRoot() || !onPath('apt-get')) {
			throw new Error(`${missing.join(' and ')} not found; install them first (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')})`);
		}
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		log(`installing ${missing.join(', ')} with apt-get (missing on this machine)`);
		await run('apt-get', ['update', '-q'], { env, log });
		await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, log });
		log(`apt-get done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
	}
	const redisServer = findRedisServer();
	const pgBin = findPostgresBin();
	if (!redisServer) throw new Error('redis-server is still missing after apt-get install');
	if (!pgBin) throw new Error(`PostgreSQL's server (initdb, postgres) is still missing under ${PG_ROOT} after apt-get install`);
	return { redisServer, pgBin, installSeconds: missing.length > 0 ? (Date.now() - started) / 1000 : 0, installed: missing };
}

function tailOf(file: string, lines: number): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return `(no log at ${file})`;
	}
}

/** A TCP request/answer on loopback (Redis's inline protocol). */
function ask(port: number, line: string, timeoutMs = 2_000): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error('timeout'));
		}, timeoutMs);
		socket.on('connect', () => socket.write(`${line}\r\n`));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) {
				clearTimeout(timer);
				socket.end();
				resolve(answer.trim());
			}
		});
		socket.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

export interface Service {
	name: string;
	port: number;
	logFile: string;
	logTail(lines?: number): string;
	stop(): Promise<void>;
}

async function waitUntil(what: string, child: ChildProcess, logFile: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (!isRunning(child)) throw new Error(`${what} exited while starting (code ${child.exitCode})\n--- log (tail)\n${tailOf(logFile, 40)}`);
		if (await probe().catch(() => false)) return;
		await sleep(200);
	}
	throw new Error(`${what} did not answer within ${timeoutMs} ms\n--- log (tail)\n${tailOf(logFile, 40)}`);
}

/** redis-server on 127.0.0.1 and a free port, no persistence, its files in `dir`. */
export async function startRedis(redisServer: string, dir: string): Promise<Service> {
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const child = track(
		spawn(
			redisServer,
			['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes'],
			{ cwd: dir, detached: true, stdio: ['ignore', out, out] },
		),
	);
	fs.closeSync(out);
	await waitUntil('redis-server', child, logFile, async () => (await ask(port, 'PING')) === '+PONG');
	return {
		name: 'redis',
		port,
		logFile,
		logTail: (lines = 40) => tailOf(logFile, lines),
		stop: async () => {
			if (isRunning(child)) await ask(port, 'SHUTDOWN NOSAVE').catch(() => undefined);
			await stopProcess(child, 5_000);
		},
	};
}

export interface Postgres extends Service {
	user: string;
	password: string;
	database: string;
	/** A query on the n8n database (n8n's own `pg` driver, so nothing to install). */
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

interface PgClient {
	connect(): Promise<void>;
	query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
	end(): Promise<void>;
}
type PgClientClass = new (config: Record<string, unknown>) => PgClient;

/** The `pg` driver n8n ships (n8n's install in the runtime cache). */
export function pgDriver(n8nVersion: string): PgClientClass {
	const requireFromN8n = createRequire(path.join(n8nDir(n8nVersion), 'node_modules', 'n8n', 'package.json'));
	return (requireFromN8n('pg') as { Client: PgClientClass }).Client;
}

function postgresUser(): { uid: number; gid: number } | undefined {
	if (!isRoot()) return undefined;
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line) throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as (apt-get install postgresql creates it)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

function chownTree(dir: string, uid: number, gid: number): void {
	fs.chownSync(dir, uid, gid);
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) chownTree(full, uid, gid);
		else fs.chownSync(full, uid, gid);
	}
}

/**
 * A throwaway PostgreSQL cluster: initdb into `dir`, then `postgres` on 127.0.0.1 and a free port
 * (its socket in `dir` too), trust authentication on loopback, durability off (a test database),
 * and an `n8n` database owned by the `n8n` role.
 */
export async function startPostgres(pgBin: string, dir: string, n8nVersion: string, log: Log): Promise<Postgres> {
	const owner = postgresUser();
	fs.mkdirSync(dir, { recursive: true });
	// postgres must be able to reach its folder: the temp root is world-traversable, ours is made so.
	fs.chmodSync(dir, 0o755);
	const data = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	fs.writeFileSync(logFile, '');
	if (owner) chownTree(dir, owner.uid, owner.gid);
	const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: dir };
	const user = 'n8n';
	const password = 'n8n';
	const database = 'n8n';
	const startedInit = Date.now();
	await run(
		path.join(pgBin, 'initdb'),
		['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
		{ env, uid: owner?.uid, gid: owner?.gid, cwd: dir, log },
	);
	log(`initdb done in ${((Date.now() - startedInit) / 1000).toFixed(1)}s`);
	const port = await freePort();
	const out = fs.openSync(logFile, 'a');
	if (owner) fs.fchownSync(out, owner.uid, owner.gid);
	const child = track(
		spawn(
			path.join(pgBin, 'postgres'),
			[
				'-D', data,
				'-p', String(port),
				'-h', '127.0.0.1',
				'-k', dir,
				'-c', 'fsync=off',
				'-c', 'synchronous_commit=off',
				'-c', 'full_page_writes=off',
				'-c', 'max_connections=100',
			],
			{ env, uid: owner?.uid, gid: owner?.gid, cwd: dir, detached: true, stdio: ['ignore', out, out] },
		),
	);
	fs.closeSync(out);
	const Client = pgDriver(n8nVersion);
	const connect = async (db: string): Promise<PgClient> => {
		const client = new Client({ host: '127.0.0.1', port, user, password, database: db, connectionTimeoutMillis: 2_000 });
		await client.connect();
		return client;
	};
	await waitUntil('postgres', child, logFile, async () => {
		const client = await connect('postgres');
		await client.end();
		return true;
	});
	const admin = await connect('postgres');
	await admin.query(`CREATE DATABASE ${database} OWNER ${user}`);
	await admin.end();
	return {
		name: 'postgres',
		port,
		logFile,
		user,
		password,
		database,
		logTail: (lines = 40) => tailOf(logFile, lines),
		query: async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
			const client = await connect(database);
			try {
				return (await client.query(sql, params)).rows as T[];
			} finally {
				await client.end();
			}
		},
		stop: async () => {
			if (isRunning(child)) {
				// SIGINT = fast shutdown (disconnects clients); SIGKILL to the group after 15 s.
				const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
				try {
					process.kill(child.pid as number, 'SIGINT');
				} catch {
					// already gone
				}
				await Promise.race([exited, sleep(15_000)]);
			}
			await stopProcess(child, 5_000);
		},
	};
}

/** A temp folder for this run's services (removed by `removeTempDir`). */
export function makeTempDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	// PostgreSQL runs as another user (as root: `postgres`) and must reach its folder inside.
	fs.chmodSync(dir, 0o755);
	return dir;
}

export function removeTempDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
}
