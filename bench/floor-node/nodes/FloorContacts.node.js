/**
 * The floor inside n8n, for `npm run bench` only (installed into the bench's own n8n next to the
 * package; never part of dist/). It does what any node must do to return every contact, and
 * nothing else: page GET /contacts with `this.helpers.httpRequest` (n8n's plainest request
 * helper: no credential, no retries, no pacing) and a fixed Authorization header from a
 * parameter, one output item per contact, paired with the input item.
 */
'use strict';

const { allContacts } = require('./all-contacts');

class FloorContacts {
	constructor() {
		this.description = {
			displayName: 'Bench Floor: All Contacts',
			name: 'floorContacts',
			group: ['transform'],
			version: 1,
			description: 'Benchmark floor: pages GET /contacts with httpRequest and a fixed header',
			defaults: { name: 'Floor' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [
				{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
				{ displayName: 'Token', name: 'token', type: 'string', default: '' },
			],
		};
	}

	async execute() {
		const baseUrl = this.getNodeParameter('baseUrl', 0);
		const token = this.getNodeParameter('token', 0);
		return [await allContacts(this, baseUrl, token)];
	}
}

module.exports = { FloorContacts };
