/**
 * Handlers for Fin Agent (start, reply, CSAT), the IP allowlist and the phone switch (job status is
 * with the tickets, whose background creation makes the jobs).
 */
import { createContact, updateContact } from '../store/contact-ops';
import { CsatRefused, replyToFin, startFin, submitCsat } from '../store/fin-ops';
import { callerAddress, updateAllowlist } from '../store/ip-allowlist';
import type { Workspace } from '../store/workspace';
import { Reply, type RouteTable } from './context';

function presentAllowlist(ws: Workspace) {
	return { type: 'ip_allowlist', enabled: ws.ipAllowlist.enabled, ip_allowlist: [...ws.ipAllowlist.entries] };
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * POST /phone_call_redirects: Intercom texts the number a Messenger link and puts the custom
 * attributes on the user or lead with that phone (a new lead when there is none). The sandbox
 * keeps the texts it "sent" in `ws.phoneRedirects`.
 */
function phoneRedirect(ws: Workspace, body: { phone?: unknown; custom_attributes?: Record<string, unknown> }) {
	const phone = String(body.phone ?? '');
	const digits = `+${phone.replace(/\D/g, '')}`;
	// Errors of this operation are `{error_key, message}`, as its examples show.
	if (!phone.trim().startsWith('+') || !E164.test(digits)) return new Reply(400, { error_key: 'invalid_phone_number', message: 'Invalid phone number' });
	const contact = ws.contacts.all().find((c) => c.phone !== null && `+${c.phone.replace(/\D/g, '')}` === digits);
	const attributes = body.custom_attributes ?? undefined;
	if (contact) {
		if (attributes) updateContact(ws, contact.id, { custom_attributes: attributes });
	} else {
		createContact(ws, { role: 'lead', phone: digits, custom_attributes: attributes });
	}
	const url = `http://via.intercom.io/msgr/${ws.nextObjectId()}`;
	ws.phoneRedirects.push({ phone: digits, url, at: ws.now() });
	return { type: 'phone_call_redirect', phone: digits, url };
}

export const finIpSwitchRoutes: RouteTable = {
	'POST /fin/start': ({ ws, body }) => startFin(ws, body ?? {}),
	'POST /fin/reply': ({ ws, body }) => replyToFin(ws, body ?? {}),
	'POST /fin/csat': ({ ws, body }) => {
		try {
			return submitCsat(ws, body ?? {});
		} catch (error) {
			if (error instanceof CsatRefused) return new Reply(422, { errors: error.errors });
			throw error;
		}
	},
	'GET /ip_allowlist': ({ ws }) => presentAllowlist(ws),
	'PUT /ip_allowlist': ({ ws, body, ip }) => {
		updateAllowlist(ws.ipAllowlist, body ?? {}, callerAddress(ip));
		return presentAllowlist(ws);
	},
	'POST /phone_call_redirects': ({ ws, body }) => phoneRedirect(ws, body ?? {}),
};
