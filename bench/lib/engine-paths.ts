/**
 * Where n8n's own nodes come from for the comparison: the n8n install the e2e runtime keeps in
 * `.cache/n8n/<version>/` (`npm run n8n:install`). Kept apart from engine.ts so the benchmark's
 * parent process can check for them without loading n8n-core.
 */
import * as path from 'node:path';

import { DEFAULT_N8N_VERSION, n8nDir } from '../../e2e/runtime/paths';

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
export const SPLIT_OUT_TYPE = 'n8n-nodes-base.splitOut';
/** HTTP Request 4.2: the version n8n's editor adds today (served by its HttpRequestV3 class). */
export const HTTP_REQUEST_VERSION = 4.2;

export function baseNodesDir(version = DEFAULT_N8N_VERSION): string {
	return path.join(n8nDir(version), 'node_modules', 'n8n-nodes-base');
}
