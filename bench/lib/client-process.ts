/**
 * A client process of the benchmark (bench/lib/worker.ts), driven over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

import type { Command, Reply, Result } from './protocol';

export class ClientProcess {
	private pending?: { resolve: (r: Result) => void; reject: (e: Error) => void };

	private constructor(private readonly child: ChildProcess, readonly label: string) {
		child.on('message', (message: Reply | 'ready') => {
			if (message === 'ready') return;
			const pending = this.pending;
			this.pending = undefined;
			if (!pending) return;
			if (message.ok) pending.resolve(message.result);
			else pending.reject(new Error(`${label}: ${message.error}`));
		});
		child.on('exit', (code) => {
			this.pending?.reject(new Error(`${label}: client process exited with code ${code}`));
			this.pending = undefined;
		});
	}

	/** Forks a client and waits until it has loaded everything (n8n-core, the nodes). */
	static async start(label: string): Promise<ClientProcess> {
		const child = fork(path.join(__dirname, 'worker.ts'), [], {
			// tsx's loader flags, inherited, plus gc() for clean memory baselines.
			execArgv: [...process.execArgv, '--expose-gc'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		await new Promise<void>((resolve, reject) => {
			const onMessage = (message: unknown) => {
				if (message === 'ready') {
					child.off('message', onMessage);
					resolve();
				}
			};
			child.on('message', onMessage);
			child.once('exit', (code) => reject(new Error(`${label}: client process exited with code ${code} while starting`)));
		});
		return new ClientProcess(child, label);
	}

	async run<R extends Result>(command: Exclude<Command, { kind: 'exit' }>): Promise<R> {
		if (this.pending) throw new Error(`${this.label}: a command is already running`);
		return await new Promise<R>((resolve, reject) => {
			this.pending = { resolve: resolve as (r: Result) => void, reject };
			this.child.send(command);
		});
	}

	async close(): Promise<void> {
		if (this.child.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			const timer = setTimeout(() => this.child.kill(), 5000);
			this.child.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			this.child.send({ kind: 'exit' } satisfies Command);
		});
	}
}

/** Client processes by label: started on first use (several at once), reused until closed. */
export class ClientPool {
	private readonly processes = new Map<string, Promise<ClientProcess>>();

	/** Starts the processes not running yet, in parallel. */
	async start(...labels: string[]): Promise<ClientProcess[]> {
		for (const label of labels) if (!this.processes.has(label)) this.processes.set(label, ClientProcess.start(label));
		return await Promise.all(labels.map((label) => this.processes.get(label)!));
	}

	async get(label: string): Promise<ClientProcess> {
		return (await this.start(label))[0];
	}

	async close(...labels: string[]): Promise<void> {
		const which = labels.length > 0 ? labels : [...this.processes.keys()];
		await Promise.all(
			which.map(async (label) => {
				const p = this.processes.get(label);
				this.processes.delete(label);
				if (p) await (await p.catch(() => undefined))?.close();
			}),
		);
	}
}
