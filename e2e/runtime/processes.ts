/**
 * Every child process the e2e tooling starts is registered here, and killed (with its whole
 * process group: n8n starts task-runner children) when the parent exits for any reason.
 */
import type { ChildProcess } from 'node:child_process';
import * as net from 'node:net';

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		// Children are spawned detached, so each leads its own process group.
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

let hooked = false;
function hookExit(): void {
	if (hooked) return;
	hooked = true;
	process.on('exit', () => {
		for (const child of live) killGroup(child, 'SIGKILL');
	});
	// A signal would end this process without running 'exit' handlers: stop the children first.
	// `on`, not `once`: Ctrl-C reaches npm, tsx and this process together, and a second signal
	// arriving with no handler left would kill the process before its cleanup says it is done.
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			if (onSignal) {
				onSignal(signal);
				return;
			}
			void stopAll().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
		});
	}
}

let onSignal: ((signal: NodeJS.Signals) => void) | undefined;

/** Replaces the default signal handling (stop every child, then exit), as the demo does for Ctrl-C. */
export function handleSignals(handler: (signal: NodeJS.Signals) => void): void {
	hookExit();
	onSignal = handler;
}

export function track(child: ChildProcess): ChildProcess {
	hookExit();
	live.add(child);
	child.once('exit', () => live.delete(child));
	return child;
}

export function isRunning(child: ChildProcess): boolean {
	return child.exitCode === null && child.signalCode === null;
}

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once the leader has exited. */
export async function stopProcess(child: ChildProcess, graceMs = 20_000): Promise<void> {
	if (!isRunning(child)) {
		// The leader is gone; make sure no grandchild (task runner) is left behind.
		killGroup(child, 'SIGKILL');
		live.delete(child);
		return;
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	try {
		process.kill(-(child.pid as number), 'SIGKILL');
	} catch {
		// group already empty
	}
	live.delete(child);
}

export async function stopAll(): Promise<void> {
	await Promise.all([...live].map((child) => stopProcess(child, 5_000)));
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it gives a value (anything but undefined or false), or fails after
 * `timeoutMs` naming what it waited for and the probe's last error.
 */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	{ timeoutMs = 60_000, intervalMs = 1_000 } = {},
): Promise<T> {
	const started = Date.now();
	let lastError: unknown;
	while (Date.now() - started < timeoutMs) {
		try {
			const value = await probe();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			lastError = error;
		}
		await sleep(intervalMs);
	}
	throw new Error(`timed out after ${(timeoutMs / 1000).toFixed(0)} s waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}
