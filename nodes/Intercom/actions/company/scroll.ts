import type { IDataObject } from 'n8n-workflow';

import { scrollCompanies } from '../../../shared/transport/company-scroll';
import type { OperationContext } from '../types';

/** Get Many's Return All: every company through the scroll API (see company-scroll.ts), as one list. */
export async function scrollAllCompanies(ctx: OperationContext): Promise<IDataObject[]> {
	const { companies } = await scrollCompanies(ctx.client, ctx.fn.getNode(), {
		itemIndex: ctx.itemIndex,
		whenScrollIsOpen:
			'Run again in a minute, and make sure no other workflow lists all companies at the same time (or turn off Return All to use pages of up to 10,000 companies).',
	});
	return companies;
}
