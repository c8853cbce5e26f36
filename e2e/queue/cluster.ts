/**
 * n8n in queue mode: one main instance (`n8n start`) and N workers (`n8n worker`), all on the
 * pinned n8n, one PostgreSQL database, one Redis, one encryption key, and this package installed
 * as a community package into each instance's own user folder (as each container of a real
 * deployment has it).
 *
 * Built on e2e/runtime: every process is an N8nInstance's environment (no network, no telemetry)
 * plus the queue-mode settings, and is tracked so that it dies with this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nInstance } from '../runtime/n8n';
import { n8nBin, node24Bin } from '../runtime/paths';
import { freePort, isRunning, sleep, stopProcess, track } from '../runtime/processes';
import type { Postgres, Service } from './services';

export interface QueueClusterOptions {
	version: string;
	/** Folder of this run (user folders `main/`, `worker-1/`, … go inside). */
	runDir: string;
	redis: Service;
	postgres: Postgres;
	workers: number;
	/** Jobs each worker runs at once (`n8n worker --concurrency`). */
	concurrency: number;
}

/** What every process of the cluster shares: queue, database, encryption key. */
export function queueEnv(redis: Service, postgres: Postgres, encryptionKey: string): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		N8N_ENCRYPTION_KEY: encryptionKey,
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
}

export class QueueWorker {
	child: ChildProcess | undefined;

	constructor(
		readonly name: string,
		readonly instance: N8nInstance,
		readonly healthPort: number,
		private readonly concurrency: number,
	) {}

	get logFile(): string {
		return this.instance.logFile;
	}

	get running(): boolean {
		return this.child !== undefined && isRunning(this.child);
	}

	/** `n8n worker`; resolves once its readiness endpoint says database and Redis are connected. */
	async start(timeoutMs = 180_000): Promise<void> {
		if (this.running) return;
		const env = await this.instance.env();
		Object.assign(env, {
			N8N_LOG_OUTPUT: 'console',
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(this.healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		this.instance.note(`n8n worker --concurrency=${this.concurrency} (health port ${this.healthPort})`);
		const out = fs.openSync(this.logFile, 'a');
		this.child = track(
			spawn(node24Bin(), [n8nBin(this.instance.version), 'worker', `--concurrency=${this.concurrency}`], {
				cwd: this.instance.userFolder,
				env,
				detached: true,
				stdio: ['ignore', out, out],
			}),
		);
		fs.closeSync(out);
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			if (!this.running) throw new Error(`${this.name} exited while starting (code ${this.child.exitCode})\n--- ${this.name} log (tail)\n${this.instance.logTail(60)}`);
			const res = await fetch(`http://127.0.0.1:${this.healthPort}/healthz/readiness`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
			await res?.arrayBuffer().catch(() => undefined);
			if (res?.status === 200) {
				this.instance.note(`${this.name} ready after ${((Date.now() - started) / 1000).toFixed(1)}s`);
				return;
			}
			await sleep(500);
		}
		throw new Error(`${this.name} was not ready within ${timeoutMs} ms\n--- ${this.name} log (tail)\n${this.instance.logTail(60)}`);
	}

	async stop(): Promise<void> {
		if (!this.child) return;
		this.instance.note(`stopping ${this.name}`);
		await stopProcess(this.child);
		this.child = undefined;
	}

	/** Execution ids this worker ran, from its log ("Worker started execution 12 (job 7)"). */
	executionIds(): string[] {
		let text = '';
		try {
			text = fs.readFileSync(this.logFile, 'utf8');
		} catch {
			return [];
		}
		return [...text.matchAll(/Worker started execution (\d+) \(job /g)].map((m) => m[1]);
	}
}

export class QueueCluster {
	private constructor(
		readonly main: N8nInstance,
		readonly workers: QueueWorker[],
		readonly encryptionKey: string,
	) {}

	static async create(options: QueueClusterOptions): Promise<QueueCluster> {
		const encryptionKey = randomBytes(24).toString('hex');
		const env = queueEnv(options.redis, options.postgres, encryptionKey);
		const main = await N8nInstance.create({
			version: options.version,
			name: 'queue-main',
			userFolder: path.join(options.runDir, 'main'),
			env,
		});
		const workers: QueueWorker[] = [];
		for (let i = 1; i <= options.workers; i++) {
			const instance = await N8nInstance.create({
				version: options.version,
				name: `queue-worker-${i}`,
				userFolder: path.join(options.runDir, `worker-${i}`),
				env,
			});
			workers.push(new QueueWorker(`worker-${i}`, instance, await freePort(), options.concurrency));
		}
		return new QueueCluster(main, workers, encryptionKey);
	}

	async startWorkers(): Promise<void> {
		await Promise.all(this.workers.map((w) => w.start()));
	}

	async stop(): Promise<void> {
		await Promise.all([this.main.stop(), ...this.workers.map((w) => w.stop())]);
	}

	/** Execution id → the worker whose log says it ran it. */
	executionsByWorker(): Map<string, string> {
		const byId = new Map<string, string>();
		for (const worker of this.workers) for (const id of worker.executionIds()) byId.set(id, worker.name);
		return byId;
	}

	/** The main's and every worker's log tail, for a failure report. */
	logTails(lines = 60): string {
		return [
			`----- n8n main log (last ${lines} lines: ${this.main.logFile}) -----\n${this.main.logTail(lines)}`,
			...this.workers.map((w) => `----- n8n ${w.name} log (last ${lines} lines: ${w.logFile}) -----\n${w.instance.logTail(lines)}`),
		].join('\n');
	}
}
