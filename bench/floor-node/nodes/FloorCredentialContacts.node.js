/**
 * The floor for a node with a credential, for `npm run bench` only (next to FloorContacts, never
 * part of dist/). It is FloorContacts plus what every node with a credential pays once per
 * execution and no node can avoid: `this.getCredentials` (n8n reads the credential from its
 * database and decrypts it). The token and base URL come from the credential; the paging is
 * FloorContacts' own: `this.helpers.httpRequest`, a fixed header, one item per contact.
 */
'use strict';

class FloorCredentialContacts {
	constructor() {
		this.description = {
			displayName: 'Bench Floor: All Contacts, with a Credential',
			name: 'floorCredentialContacts',
			group: ['transform'],
			version: 1,
			description: 'Benchmark floor with a credential: getCredentials once, then pages GET /contacts with httpRequest',
			defaults: { name: 'Floor with Credential' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'floorContactsApi', required: true }],
			properties: [],
		};
	}

	async execute() {
		const { baseUrl, accessToken } = await this.getCredentials('floorContactsApi');
		const headers = { Authorization: `Bearer ${accessToken}`, 'Intercom-Version': '2.14', Accept: 'application/json' };
		const out = [];
		let cursor;
		do {
			const qs = cursor ? { per_page: 150, starting_after: cursor } : { per_page: 150 };
			const page = await this.helpers.httpRequest({ method: 'GET', url: `${baseUrl}/contacts`, qs, headers, json: true });
			for (const contact of page.data) out.push({ json: contact, pairedItem: { item: 0 } });
			cursor = page.pages && page.pages.next ? page.pages.next.starting_after : undefined;
		} while (cursor);
		return [out];
	}
}

module.exports = { FloorCredentialContacts };
