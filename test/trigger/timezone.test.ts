/**
 * The contact-search floor: a `>` value that matches every contact at or after `from` whatever
 * the workspace's zone (contact search compares by calendar day there), and, without a known
 * zone, the same all day long, so a day noted busy is recognised on the next polls.
 */
import { contactSearchFloor, startOfDay } from '../../nodes/IntercomTrigger/timezone';

const DAY = 86_400;
/** 2025-03-10T00:00:00Z, then every 7 hours for two days. */
const TIMES = Array.from({ length: 8 }, (_, i) => Date.UTC(2025, 2, 10) / 1000 + i * 7 * 3600);
const EXTREME_ZONES = ['Pacific/Kiritimati', 'Etc/GMT+12', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC'];

describe('contactSearchFloor', () => {
	it("with the workspace's zone: an hour before the start of from's day there", () => {
		for (const from of TIMES) expect(contactSearchFloor(from, 'Asia/Kolkata')).toBe(startOfDay(from, 'Asia/Kolkata') - 3600);
	});

	it('without a zone: before the start of the day of from in every zone, and the same all through a UTC day', () => {
		for (const from of TIMES) {
			const floor = contactSearchFloor(from, undefined);
			// `> floor` matches from the start of the day after floor's day: at or before from's day in any zone.
			for (const zone of EXTREME_ZONES) expect(startOfDay(floor, zone) + DAY).toBeLessThanOrEqual(startOfDay(from, zone));
			expect(contactSearchFloor(Math.floor(from / DAY) * DAY + DAY - 1, undefined)).toBe(floor);
		}
	});
});
