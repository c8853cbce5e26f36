/** Handler for the Messages operation: an admin's outbound in-app or email message. */
import { sendAdminMessage } from '../store/message-ops';
import type { RouteTable } from './context';
import { presentAdmin } from './present-admins';

export const messageRoutes: RouteTable = {
	'POST /messages': ({ ws, body }) => {
		const { conversation, adminId, messageType } = sendAdminMessage(ws, body ?? {});
		const out: Record<string, unknown> = {
			type: 'admin_message',
			id: conversation.source.id,
			created_at: conversation.created_at,
			body: conversation.source.body,
			// The request says in_app; Intercom's answer spells it inapp.
			message_type: messageType === 'in_app' ? 'inapp' : 'email',
			conversation_id: conversation.id,
		};
		if (messageType === 'email') out.subject = conversation.source.subject;
		const admin = ws.admins.get(adminId);
		if (admin) out.owner = presentAdmin(admin);
		return out;
	},
};
