/**
 * The floor for a node with a credential, for `npm run bench` only (next to FloorContacts, never
 * part of dist/). It is FloorContacts plus what every node with a credential pays once per
 * execution and no node can avoid: `this.getCredentials` (n8n reads the credential from its
 * database and decrypts it). The token and base URL come from the credential; the paging is the
 * same as FloorContacts' (all-contacts.js): `this.helpers.httpRequest`, a fixed header, one item per contact.
 */
'use strict';

const { allContacts } = require('./all-contacts');

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
		return [await allContacts(this, baseUrl, accessToken)];
	}
}

module.exports = { FloorCredentialContacts };
