import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { createAttribute } from './createAttribute.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getManyStates } from './getManyStates.operation';
import { update } from './update.operation';
import { updateAttribute } from './updateAttribute.operation';

export const ticketTypeOperations: OperationDefinition[] = [create, get, getMany, update, createAttribute, updateAttribute, getManyStates];
