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
import { workspaceDataRoutes } from './workspace-data';

export const routes: RouteTable = {
	...contactRoutes,
	...adminRoutes,
	...conversationRoutes,
	...articleRoutes,
	...workspaceDataRoutes,
	...companyRoutes,
};
