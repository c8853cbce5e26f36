import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { IntercomRequest } from './client';

/**
 * One attempt of a request, below the retry loop: how its deadline travels through n8n's request
 * helper, and how what the helper throws is read (a system code, an answer thrown instead of
 * returned, a failed OAuth2 renewal).
 */

/** n8n's request helper wraps socket errors in a NodeApiError; the system code sits in its cause. */
export function networkErrorCode(error: unknown): string {
	const e = error as { code?: unknown; cause?: { code?: unknown; cause?: { code?: unknown } } };
	const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : e?.cause?.cause?.code;
	return typeof code === 'string' ? code : 'UNKNOWN';
}

/** The code an OAuth2 token refresh failure travels under from one attempt to the retry loop. */
export const RENEWAL_FAILED = 'RENEWAL_FAILED';

/** A 401 body, in Intercom's shape, saying why n8n could not get a new OAuth2 token. */
export function oauth2FailureBody(error: unknown): IDataObject {
	const reason = String((error as Error)?.message ?? error).slice(0, 300);
	return { type: 'error.list', errors: [{ code: 'token_refresh_failed', message: `n8n could not refresh the OAuth2 token: ${reason}` }] };
}

/** The HTTP answer a request helper threw instead of returning (a 401 thrown so n8n can refresh an OAuth2 token). */
export function thrownResponse(error: unknown): { status: number; data: unknown; headers: IDataObject } | undefined {
	const e = error as { response?: unknown; cause?: { response?: unknown } };
	const response = (e?.response ?? e?.cause?.response) as { status?: unknown; data?: unknown; headers?: IDataObject } | undefined;
	return response && typeof response.status === 'number' ? { status: response.status, data: response.data, headers: response.headers ?? {} } : undefined;
}

/**
 * Puts the attempt's deadline on the request. n8n's authenticated request helper sets
 * `abortSignal` to the execution's cancel signal, replacing what the node gave; the property
 * therefore keeps the deadline and adds whatever n8n sets, so either one ends the request.
 */
export function withDeadline(options: IHttpRequestOptions, deadline: AbortSignal): void {
	let signal: AbortSignal = deadline;
	Object.defineProperty(options, 'abortSignal', {
		enumerable: true,
		configurable: true,
		get: () => signal,
		set: (other: AbortSignal | undefined) => {
			signal = other && other !== deadline ? AbortSignal.any([other, deadline]) : deadline;
		},
	});
}

/** Settles when the request does, or rejects when the deadline passes, whichever is first. */
export async function beforeDeadline<T>(request: Promise<T>, deadline: AbortSignal): Promise<T> {
	let stop = () => {};
	const expired = new Promise<never>((_resolve, reject) => {
		const fire = () => reject(Object.assign(new Error('the answer did not arrive within the deadline'), { code: 'ETIMEDOUT' }));
		if (deadline.aborted) fire();
		deadline.addEventListener('abort', fire, { once: true });
		stop = () => deadline.removeEventListener('abort', fire);
	});
	try {
		return await Promise.race([request, expired]);
	} finally {
		stop();
		// A request given up on at the deadline may still fail later; nobody waits for it then.
		request.catch(() => undefined);
	}
}

/**
 * What a DELETE returns when a retry finds nothing because the earlier attempt, whose answer was
 * lost, had deleted it: Intercom's own shape (`id`, `object`, `deleted`) and a note saying so.
 */
export function alreadyDeleted(req: IntercomRequest, path: string): IDataObject {
	const values = Object.values(req.pathParams ?? {}).filter((v) => v !== undefined);
	return {
		id: String(values[values.length - 1] ?? ''),
		object: (req.subject ?? 'object').toLowerCase(),
		deleted: true,
		deleted_by_earlier_attempt: true,
		note: `An earlier attempt of DELETE ${path.length > 120 ? `${path.slice(0, 120)}…` : path} lost its answer; the retry found nothing left, so that attempt deleted it.`,
	};
}
