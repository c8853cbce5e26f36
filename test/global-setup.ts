import { setup } from './conformance-report';

/**
 * The whole run uses a host time zone that no workflow in the tests uses (India, UTC+5:30, no
 * daylight saving), so a date read in the machine's zone instead of the workflow's shows up as a
 * wrong value. Set here, before jest starts its workers, which inherit it.
 */
export default function globalSetup(): void {
	process.env.TZ = 'Asia/Kolkata';
	setup();
}
