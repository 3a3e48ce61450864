import type { IDataObject } from 'n8n-workflow';

import { WESAL_PORTAL_COMPANIES } from '../../sandbox/vendors/wesalPortal';
import { engineLogs } from '../harness';
import { COMPANY, idsOf, THRESHOLD_EVENT, VENDOR, WesalPortalFixture } from './fixture';

/**
 * The Wesal Portal trigger at the edges of its reads: the sample windows, Extended Details,
 * Timeout, and what starts a CSAT Below Threshold trigger again.
 */
let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** When a survey was answered, `ms` before now. */
const before = (ms: number) => new Date(Date.now() - ms).toISOString();
const QUESTIONS = '^/survey/queries/questions/';

/** A search's date filter: its first and last date, in ms before `reference` (the API's dates are UTC). */
function msBefore(body: IDataObject, reference: number): number[] {
	const [filter] = body.filters as Array<{ value: { startTime: string; endTime: string } }>;
	return [filter.value.startTime, filter.value.endTime].map(
		(date) => reference - Date.parse(`${date}Z`),
	);
}

describe('Wesal Portal Trigger: the edges of its reads', () => {
	it('"Fetch Test Event" reads the last hour, day, week, then 30 days, and shows a survey 10 days old', async () => {
		const [survey] = await fx.addSurveys({
			companyId: COMPANY.id,
			surveys: [{ createdAt: before(10 * DAY) }],
		});
		await fx.emulator.clearRequests();
		const sample = await fx.poller().manual();
		const reference = Date.now();
		expect(idsOf(sample.items)).toEqual([survey.id]);
		const windows = (await fx.searches()).map((search) =>
			msBefore(search.body as IDataObject, reference),
		);
		// In hours before the test: the last hour, then the day, the week and 30 days before it.
		const expected = [
			[1, 0],
			[24, 1],
			[7 * 24, 24],
			[30 * 24, 7 * 24],
		];
		expect(windows).toHaveLength(expected.length);
		expected.forEach(([first, last], index) => {
			expect(windows[index][0] / HOUR).toBeCloseTo(first, 2);
			expect(windows[index][1] / HOUR).toBeCloseTo(last, 2);
		});
	});

	it.each([
		['by default', {}, false],
		['when Options → Extended Details is off', { extended: false }, false],
		['when Options → Extended Details is on', { extended: true }, true],
	])('asks for extended details only when told to: %s', async (_name, options, extended) => {
		const trigger = fx.poller({ options });
		await trigger.activate();
		await trigger.poll();
		const searches = await fx.searches();
		expect(searches.length).toBeGreaterThan(0);
		expect(searches.map((search) => (search.body as IDataObject).extended)).toEqual(
			searches.map(() => extended),
		);
	});

	it('Options → Timeout bounds each search of a poll', async () => {
		const trigger = fx.poller({ options: { timeout: 200 } });
		await trigger.activate();
		await fx.emulator.clearRequests();
		await fx.emulator.fault({
			vendor: VENDOR,
			path: '/survey/queries/surveys',
			kind: 'delay',
			delayMs: 1000,
			count: 4,
		});
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'Wesal Portal did not answer "Trigger: New Survey" within 0.2 s',
		);
		expect((await fx.searches()).filter((search) => search.fault)).toHaveLength(4);
	});

	it("Options → Timeout bounds the read of the questions' scales of a CSAT Below Threshold poll", async () => {
		const trigger = fx.poller({ ...THRESHOLD_EVENT, options: { timeout: 200 } });
		await trigger.activate();
		await fx.emulator.clearRequests();
		await fx.emulator.fault({
			vendor: VENDOR,
			path: QUESTIONS,
			kind: 'delay',
			delayMs: 1000,
			count: 4,
		});
		const failed = await trigger.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'Wesal Portal did not answer "Trigger: New Survey" within 0.2 s',
		);
		const reads = (await fx.emulator.requests(VENDOR)).filter((request) =>
			request.path.startsWith('/survey/queries/questions/'),
		);
		expect(reads.filter((request) => request.fault)).toHaveLength(4);
	});
});

describe('Wesal Portal Trigger: CSAT Below Threshold starts again', () => {
	const startFrom = { startFrom: 'lastHours', startHours: 1 };

	/** Activates the edited trigger on the saved state; its first search's start, in hours before now. */
	async function edited(parameters: IDataObject, saved: IDataObject) {
		await fx.emulator.clearRequests();
		engineLogs().clear();
		const trigger = fx.poller({ ...THRESHOLD_EVENT, ...startFrom, ...parameters }, saved);
		await trigger.activate();
		const [search] = await fx.searches();
		const reference = Date.now();
		return {
			restarted: engineLogs().text().includes('starts again as newly activated'),
			hoursBack: msBefore(search.body as IDataObject, reference)[0] / HOUR,
		};
	}

	it.each([
		['the threshold', { threshold: 70 }],
		['the window size', { windowSize: 10 }],
		[
			'the company',
			{ company: { __rl: true, mode: 'id', value: String(WESAL_PORTAL_COMPANIES[1].id) } },
		],
	])('from Start From when %s changes', async (_name, change) => {
		const trigger = fx.poller({ ...THRESHOLD_EVENT, ...startFrom });
		await trigger.activate();
		await trigger.poll();

		const same = await edited({}, trigger.savedStaticData);
		expect(same.restarted).toBe(false);
		// The late-arrival window (10 minutes) before the cursor, not Start From.
		expect(same.hoursBack).toBeLessThan(0.5);

		const changed = await edited(change, trigger.savedStaticData);
		expect(changed.restarted).toBe(true);
		expect(changed.hoursBack).toBeCloseTo(1, 2);
	});
});
