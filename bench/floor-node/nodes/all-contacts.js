/**
 * The floor nodes' paging, written once: GET /contacts page after page with n8n's plainest request
 * helper (`this.helpers.httpRequest`) and a fixed header, one item per contact.
 */
'use strict';

async function allContacts(ctx, baseUrl, token) {
	const headers = { Authorization: `Bearer ${token}`, 'Intercom-Version': '2.14', Accept: 'application/json' };
	const out = [];
	let cursor;
	do {
		const qs = cursor ? { per_page: 150, starting_after: cursor } : { per_page: 150 };
		const page = await ctx.helpers.httpRequest({ method: 'GET', url: `${baseUrl}/contacts`, qs, headers, json: true });
		for (const contact of page.data) out.push({ json: contact, pairedItem: { item: 0 } });
		cursor = page.pages && page.pages.next ? page.pages.next.starting_after : undefined;
	} while (cursor);
	return out;
}

module.exports = { allContacts };
