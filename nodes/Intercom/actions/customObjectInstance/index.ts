import type { OperationDefinition } from '../types';
import { createOrUpdate } from './createOrUpdate.operation';
import { deleteInstance } from './delete.operation';
import { deleteByExternalId } from './deleteByExternalId.operation';
import { get } from './get.operation';
import { getByExternalId } from './getByExternalId.operation';
import { linkToContact } from './linkToContact.operation';
import { linkToConversation } from './linkToConversation.operation';

export const customObjectInstanceOperations: OperationDefinition[] = [
	createOrUpdate,
	get,
	getByExternalId,
	deleteInstance,
	deleteByExternalId,
	linkToContact,
	linkToConversation,
];
