/**
 * Intercom-shaped errors. Handlers throw `ApiError`; the HTTP layer turns it
 * into `{type: 'error.list', request_id, errors: [{code, message}]}` with the
 * status Intercom uses for that code.
 */
import { randomUUID } from 'node:crypto';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly field?: string,
	) {
		super(message);
	}
}

export const badRequest = (message: string, code = 'parameter_invalid', field?: string) =>
	new ApiError(400, code, message, field);
export const notFound = (message = 'Resource Not Found') => new ApiError(404, 'not_found', message);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const unprocessable = (message: string, code = 'data_invalid') => new ApiError(422, code, message);
export const unauthorized = () => new ApiError(401, 'unauthorized', 'Access Token Invalid');

export interface ErrorBody {
	type: 'error.list';
	request_id: string;
	errors: { code: string; message: string; field?: string }[];
}

export function errorBody(code: string, message: string, requestId: string = randomUUID(), field?: string): ErrorBody {
	const error: { code: string; message: string; field?: string } = { code, message };
	if (field) error.field = field;
	return { type: 'error.list', request_id: requestId, errors: [error] };
}
