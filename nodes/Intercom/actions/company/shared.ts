import type { INodeProperties } from 'n8n-workflow';

import { customAttributesOptions, textOption } from '../fields';
import type { OptionSpec } from '../types';

export const COMPANY_PATH_LABELS = { company_id: 'Company' };

function integerOption(key: string, displayName: string, name: string, description: string): OptionSpec {
	return {
		in: 'body',
		key,
		convert: 'integer',
		property: { displayName, name, type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0, description } as INodeProperties,
	};
}

/**
 * The company attributes Create or Update and Update share. `company_id` is not among them: it is
 * how Create or Update finds the company, and Intercom never changes it once set.
 */
export function companyFieldOptions(options: { withRemoteCreatedAt: boolean }): OptionSpec[] {
	const all: OptionSpec[] = [
		textOption('name', 'Name', 'name', "The company's name"),
		textOption('plan', 'Plan', 'plan', 'The name of the plan the company is on'),
		integerOption('size', 'Size', 'size', 'The number of employees'),
		textOption('website', 'Website', 'website', "The company's website URL", { placeholder: 'https://example.com' }),
		textOption('industry', 'Industry', 'industry', 'The industry the company works in'),
		integerOption('monthly_spend', 'Monthly Spend', 'monthlySpend', 'How much revenue the company brings you each month (a whole number)'),
		...customAttributesOptions('getCompanyAttributes', 'company'),
	];
	if (options.withRemoteCreatedAt) {
		all.push({
			in: 'body',
			key: 'remote_created_at',
			convert: 'unixSeconds',
			property: {
				displayName: 'Created At (Your System)',
				name: 'remoteCreatedAt',
				type: 'dateTime',
				default: '',
				description: 'When the company was created in your own systems (a date, ISO 8601 string or Unix seconds)',
			},
		});
	}
	return all;
}
