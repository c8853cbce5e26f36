/**
 * Bench only, never shipped: the credential of the floor node that reads one (FloorCredentialContacts).
 * A token and a base URL, stored and decrypted by n8n like any credential; no `authenticate` block,
 * since the node reads it once and sets its own header.
 */
'use strict';

class FloorContactsApi {
	constructor() {
		this.name = 'floorContactsApi';
		this.displayName = 'Bench Floor API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Access Token', name: 'accessToken', type: 'string', typeOptions: { password: true }, default: '' },
		];
	}
}

module.exports = { FloorContactsApi };
