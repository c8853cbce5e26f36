import { get } from './get.operation';
import { getCurrent } from './getCurrent.operation';
import { getMany } from './getMany.operation';
import { listActivityLogs } from './listActivityLogs.operation';
import { setAway } from './setAway.operation';

export const adminOperations = [getCurrent, get, getMany, setAway, listActivityLogs];
