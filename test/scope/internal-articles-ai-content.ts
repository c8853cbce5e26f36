import type { ScopeGroup } from './index';

/** Internal articles (list, get, create, update, delete, search) and the Fin Content Library: content import sources and external pages. */
export const group: ScopeGroup = {
	name: 'Internal Articles and AI Content',
	tags: ['Internal Articles', 'AI Content'],
	count: 16,
};
