import type { OperationDefinition } from '../types';
import { create } from './create.operation';

export const phoneSwitchOperations: OperationDefinition[] = [create];
