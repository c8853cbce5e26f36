import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { registerNodeType } from './n8n';

/** A file an input item carries, as a test gives it. */
export interface TestFile {
	base64: string;
	name: string;
	mimeType: string;
}

/**
 * The start node `runNode` uses, able to give items binary data through n8n's own
 * `prepareBinaryData`: items are `{ json, files: { field: { base64, name, mimeType } } }`.
 */
class FileItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'itemsSource',
		group: ['trigger'],
		version: 1,
		description: 'Emits test items with binary data',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const given = JSON.parse(this.getNodeParameter('items', 0) as string) as Array<{ json?: IDataObject; files?: Record<string, TestFile> }>;
		const items: INodeExecutionData[] = [];
		for (const item of given) {
			const binary: INodeExecutionData['binary'] = {};
			for (const [field, file] of Object.entries(item.files ?? {})) {
				binary[field] = await this.helpers.prepareBinaryData(Buffer.from(file.base64, 'base64'), file.name, file.mimeType);
			}
			items.push({ json: item.json ?? {}, binary });
		}
		return [items];
	}
}

/** Makes `runNode`'s start node emit items with files, in the calling test file only (jest gives each file its own registry). */
export function useFileItemsSource(): void {
	registerNodeType('test.itemsSource', new FileItemsSource());
}
