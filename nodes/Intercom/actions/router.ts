import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { IntercomClient } from '../../shared/transport/client';
import { makeContext, namesToExtract, runForItems } from './executor';
import { fileProperties } from './files';
import { operations } from './registry';

/** Keeps n8n's own errors (with the item they belong to); wraps anything else. */
function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

const byKey = new Map(operations.map((op) => [`${op.resource}:${op.value}`, op]));

/** The top-level parameters whose reads ask n8n to extract the value (describe.ts places these properties). */
export const EXTRACTED_PARAMETERS = namesToExtract(operations.flatMap((op) => [...op.fields.map((f) => f.property), ...fileProperties(op)]));

/**
 * Runs the chosen operation once per input item. Each output item keeps `pairedItem`, and with
 * "Continue On Fail" an item's error becomes its output instead of stopping the others.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	let client: IntercomClient | undefined;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			// Options parameters: nothing to extract, nothing for n8n's schema check (see executor.ts readOptions).
			const resource = this.getNodeParameter('resource', itemIndex, undefined, { skipValidation: true }) as string;
			const operation = this.getNodeParameter('operation', itemIndex, undefined, { skipValidation: true }) as string;
			const definition = byKey.get(`${resource}:${operation}`);
			if (!definition) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`, { itemIndex });
			}
			client ??= await IntercomClient.create(this);
			const results = await runForItems(definition, makeContext(this, client, itemIndex, EXTRACTED_PARAMETERS));
			for (const { json, binary } of results) output.push(binary ? { json, binary, pairedItem: { item: itemIndex } } : { json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				const json: IDataObject = { error: (error as Error).message };
				const description = (error as NodeApiError).description;
				if (description) json.description = description;
				output.push({ json, pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [output];
}
