import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type PathParams = Record<string, string | number | undefined>;

/** Human names for path parameters, for error messages ("Contact" rather than contact_id). */
export type PathParamLabels = Record<string, string>;

// Control characters never occur in Intercom identifiers; refusing them keeps logs and proxies sane.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Fills a path template such as `/contacts/{contact_id}/tags/{tag_id}`.
 * Every value must be non-empty and is percent-escaped as one path segment, so input such as
 * `../admins`, `1/tags`, `x?y=1` or `%2F` can never reach another endpoint. `.` and `..` are
 * refused outright: escaping leaves them as they are, and URL normalisation would climb a level.
 */
export function buildPath(node: INode, template: string, params: PathParams = {}, labels: PathParamLabels = {}): string {
	return template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
		const label = labels[name] ?? name;
		const raw = params[name];
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		if (value === '') {
			throw new NodeOperationError(node, `The parameter "${label}" is required`, {
				description: `A value for "${label}" is needed to call ${template}.`,
			});
		}
		if (value === '.' || value === '..' || CONTROL_CHARACTERS.test(value)) {
			throw new NodeOperationError(node, `The parameter "${label}" is not a valid ID`, {
				description: `"${label}" may not be "." or ".." nor contain control characters.`,
			});
		}
		return encodeURIComponent(value);
	});
}
