/**
 * The route table: spec operation key -> handler. Operations of the spec
 * that are not listed here answer 501 `not_implemented`.
 */
import type { RouteTable } from './context';
import { adminRoutes } from './admins';
import { articleRoutes } from './articles';
import { companyRoutes } from './companies';
import { contactRoutes } from './contacts';
import { conversationRoutes } from './conversations';
import { dataAttributeRoutes } from './data-attributes';
import { dataEventRoutes } from './data-events';
import { messageRoutes } from './messages';
import { visitorRoutes } from './visitors';
import { ticketRoutes } from './tickets';
import { workspaceDataRoutes } from './workspace-data';
import { customObjectRoutes } from './custom-objects';
import { finIpSwitchRoutes } from './fin-ip-switch';
import { callExportRoutes } from './calls-exports';
import { helpCenterRoutes } from './help-center';
import { newsRoutes } from './news';
import { knowledgeRoutes } from './knowledge';

export const routes: RouteTable = {
	...contactRoutes,
	...adminRoutes,
	...conversationRoutes,
	...articleRoutes,
	...workspaceDataRoutes,
	...dataAttributeRoutes,
	...dataEventRoutes,
	...messageRoutes,
	...visitorRoutes,
	...ticketRoutes,
	...companyRoutes,
	...customObjectRoutes,
	...finIpSwitchRoutes,
	...callExportRoutes,
	...helpCenterRoutes,
	...newsRoutes,
	...knowledgeRoutes,
};
