import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { createSummary } from './createSummary.operation';
import { getMany } from './getMany.operation';
import { getSummaries } from './getSummaries.operation';

export const dataEventOperations: OperationDefinition[] = [create, getMany, getSummaries, createSummary];
