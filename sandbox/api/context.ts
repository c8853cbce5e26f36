/**
 * What a route handler gets and returns. Handlers are keyed by the spec's
 * operation key (`METHOD /path/{template}`), so the route table mirrors the
 * spec one-to-one.
 */
import type { Workspace } from '../store/workspace';
import type { SandboxSettings } from '../settings';

export interface ApiContext {
	ws: Workspace;
	/** Path parameters by the spec's names (already URL-decoded). */
	params: Record<string, string>;
	/** Query values, coerced to their declared types where the spec declares them. */
	query: Record<string, unknown>;
	/** Parsed JSON body, or undefined. */
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	settings: SandboxSettings;
	/** The caller's address as the connection shows it (the IP allowlist's lock-out check). */
	ip?: string;
	/** The sandbox's own origin (`http://127.0.0.1:4010`), for the absolute URLs Intercom hands out. */
	origin?: string;
}

/** A non-200 answer (most Intercom answers are 200, so handlers return plain bodies). */
export class Reply {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {}
}

/** An answer that is a file (or a redirect to one): its bytes, type and headers, sent as they are. */
export class FileReply {
	constructor(
		readonly status: number,
		readonly bytes: Buffer,
		readonly contentType: string,
		readonly headers: Record<string, string> = {},
	) {}
}

/**
 * An answer already serialised to JSON, as text parts written into one
 * buffer. Hot list endpoints assemble their body from cached per-record JSON
 * instead of building and stringifying ~300 KB of objects per page (and in
 * V8, `Array.join` over large strings costs several times more than writing
 * them into a pre-sized buffer).
 */
export class JsonText {
	constructor(readonly parts: string[]) {}

	toBuffer(): Buffer {
		let length = 0;
		for (const part of this.parts) length += Buffer.byteLength(part);
		const buffer = Buffer.allocUnsafe(length);
		let offset = 0;
		for (const part of this.parts) offset += buffer.write(part, offset);
		return buffer;
	}
}

/** `{"k": v, ...}` where values are JsonText fragments or plain JSON values. */
export function jsonObject(fields: Record<string, unknown>): JsonText {
	const parts: string[] = ['{'];
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		parts.push(`${parts.length > 1 ? ',' : ''}${JSON.stringify(key)}:`);
		if (value instanceof JsonText) parts.push(...value.parts);
		else parts.push(JSON.stringify(value));
	}
	parts.push('}');
	return new JsonText(parts);
}

/** `[a, b, ...]` from already-serialised items. */
export function jsonArray(items: string[]): JsonText {
	const parts: string[] = ['['];
	items.forEach((item, i) => {
		if (i > 0) parts.push(',');
		parts.push(item);
	});
	parts.push(']');
	return new JsonText(parts);
}

export type ApiHandler = (ctx: ApiContext) => unknown;
export type RouteTable = Record<string, ApiHandler>;

export function str(value: unknown): string | undefined {
	return value === undefined || value === null ? undefined : String(value);
}
