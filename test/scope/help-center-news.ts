import type { ScopeGroup } from './index';

/** Help Center collections and help centers, and News: news items and newsfeeds. */
export const group: ScopeGroup = {
	name: 'Help Center and News',
	tags: ['Help Center', 'News'],
	count: 15,
};
