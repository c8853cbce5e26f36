import { dynamicOptions } from '../fields';
import type { FieldSpec, IdFormat } from '../types';

/** Segment IDs are object IDs, such as 5f1e2c3d4b5a697887766554. */
export const SEGMENT_ID_FORMAT: IdFormat = {
	pattern: /^[A-Za-z0-9_-]{1,64}$/,
	hint: 'A segment ID looks like 5f1e2c3d4b5a697887766554; choose the segment from the list to get it right.',
};

/** A segment, chosen from the workspace's segments. */
export function segmentField(target: 'path' | 'query', key: string): FieldSpec {
	return {
		in: target,
		key,
		idFormat: SEGMENT_ID_FORMAT,
		property: dynamicOptions('segmentId', 'Segment Name or ID', 'getSegments', { required: true }),
	};
}
