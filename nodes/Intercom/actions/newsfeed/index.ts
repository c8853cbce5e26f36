import type { OperationDefinition } from '../types';
import { get } from './get.operation';
import { getLiveItems } from './getLiveItems.operation';
import { getMany } from './getMany.operation';

export const newsfeedOperations: OperationDefinition[] = [get, getLiveItems, getMany];
