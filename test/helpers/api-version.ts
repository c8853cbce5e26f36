/**
 * The Intercom API version the tests of this jest project run under (jest.config.js sets it per
 * project; 2.14 when unset): the test credential sends it, and tests that look at the requests or
 * at version-dependent answers read it from here instead of writing a version down.
 */
import { apiVersionAtLeast, DEFAULT_API_VERSION, type ApiVersion } from '../../nodes/shared/regions';

export const TEST_API_VERSION: ApiVersion =
	((globalThis as { INTERCOM_TEST_API_VERSION?: ApiVersion }).INTERCOM_TEST_API_VERSION ?? DEFAULT_API_VERSION);

/** Whether the tests run under `floor` or a later version. */
export const testVersionAtLeast = (floor: ApiVersion): boolean => apiVersionAtLeast(TEST_API_VERSION, floor);
