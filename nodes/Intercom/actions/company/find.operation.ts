import type { INodeProperties } from 'n8n-workflow';

import { COMPANY_LIST_REACH } from '../../../shared/transport/company-scroll';
import { dynamicOptions, ID_FORMATS } from '../fields';
import type { FieldSpec, OperationDefinition } from '../types';

const shownFor = (findBy: string) => ({ show: { findBy: [findBy] } });

function textCriterion(findBy: string, key: string, property: Partial<INodeProperties> & { displayName: string; name: string }): FieldSpec {
	return {
		in: 'query',
		key,
		convert: 'text',
		property: { type: 'string', default: '', required: true, displayOptions: shownFor(findBy), ...property } as INodeProperties,
	};
}

export const find: OperationDefinition = {
	resource: 'company',
	value: 'find',
	name: 'Find',
	action: 'Find companies',
	description: 'Find a company by your Company ID or its exact name, or list the companies in a segment or with a tag',
	method: 'GET',
	path: '/companies',
	subject: 'Company',
	fields: [
		{
			// Which of the criteria below is shown, and so sent.
			property: {
				displayName: 'Find By',
				name: 'findBy',
				type: 'options',
				options: [
					{ name: 'Company ID', value: 'companyId', description: 'Your own ID for the company (company_id)' },
					{ name: 'Name', value: 'name', description: 'The exact name of the company' },
					{ name: 'Segment', value: 'segment', description: 'Every company in a segment' },
					{ name: 'Tag', value: 'tag', description: 'Every company with a tag' },
				],
				default: 'companyId',
			},
		},
		textCriterion('companyId', 'company_id', {
			displayName: 'Company ID',
			name: 'companyIdentifier',
			placeholder: 'acme-42',
			description: 'Your own ID for the company, as given when it was created',
		}),
		textCriterion('name', 'name', { displayName: 'Company Name', name: 'companyName', description: 'The name of the company, exactly' }),
		{
			in: 'query',
			key: 'segment_id',
			idFormat: ID_FORMATS.any,
			property: dynamicOptions('segmentId', 'Segment Name or ID', 'getSegments', { required: true, displayOptions: shownFor('segment') }),
		},
		{
			in: 'query',
			key: 'tag_id',
			idFormat: ID_FORMATS.numeric,
			property: dynamicOptions('tagId', 'Tag Name or ID', 'getTags', { required: true, displayOptions: shownFor('tag') }),
		},
	],
	list: {
		pagination: 'page',
		itemsPath: 'data',
		reach: {
			items: COMPANY_LIST_REACH,
			noun: 'companies',
			pastReach:
				'Intercom lists a segment\'s or tag\'s companies by page only so far. Use Company → Get Many with Return All (every company, through the scroll API) and keep those of the segment or tag with a Filter node: each company lists its tags and segments.',
		},
	},
};
