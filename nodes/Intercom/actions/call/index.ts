import type { OperationDefinition } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getRecording } from './getRecording.operation';
import { getTranscript } from './getTranscript.operation';
import { search } from './search.operation';

export const callOperations: OperationDefinition[] = [getMany, get, search, getRecording, getTranscript];
