import { expectSampleWindows } from '../helpers/sampleWindows';
import { addFault, addLeads, entryOf, expectedListed, requests, WeCleverSetup } from './helpers';

/** The WeClever trigger at the edges of its reads: the sample windows, Timeout, Start From. */
const setup = new WeCleverSetup();
beforeAll(() => setup.start());
afterAll(() => setup.stop());
beforeEach(() => setup.reset());
afterEach(() => jest.restoreAllMocks());

const DAY = 86_400_000;
const listCalls = async () =>
	(await requests(setup.sb)).filter((request) => request.path.startsWith('/lead/find/finalized/'));
/** A list call's first and last date, in days before `reference`. */
const daysBefore = (path: string, reference: number) =>
	path
		.split('/')
		.slice(4, 6)
		.map(
			(date) => (reference - Date.parse(`${decodeURIComponent(date).replace('+', 'T')}Z`)) / DAY,
		);

describe('WeClever Trigger: the edges of its reads', () => {
	it('"Fetch Test Event" reads the last day, then the week, then 30 days, and shows a lead 10 days old', async () => {
		const [lead] = await addLeads(setup.sb, [
			{ finalizedAt: new Date(Date.now() - 10 * DAY).toISOString() },
		]);
		const sample = await setup.poller({ output: 'raw' }).manual();
		const reference = Date.now();
		expect(sample.items.map((item) => item.json)).toEqual([entryOf(lead)]);
		const windows = (await listCalls()).map((call) => daysBefore(call.path, reference));
		expectSampleWindows(windows);
	});

	it('Options → Timeout bounds each list read of a poll', async () => {
		const poller = setup.poller({ options: { timeout: 200 } });
		await poller.activate();
		await addFault(setup.sb, {
			path: '^/lead/find/finalized/',
			kind: 'delay',
			delayMs: 1000,
			count: 4,
		});
		const failed = await poller.poll({ expectError: true });
		expect(failed.error?.message).toBe(
			'WeClever did not answer "Trigger: New Finalized Lead" within 0.2 s',
		);
		expect(await listCalls()).toHaveLength(5);
	});

	describe('Start From a date and time at the moment the trigger is published', () => {
		// The clock stands still, so that the poll runs at exactly the instant the test chooses.
		const frozen = () => {
			const now = Math.floor(Date.now() / 1000) * 1000;
			jest.spyOn(Date, 'now').mockReturnValue(now);
			return now;
		};

		it('that very instant: emits the lead finalized in that second, nothing before it', async () => {
			const now = frozen();
			const [, lead] = await addLeads(setup.sb, [
				{ finalizedAt: new Date(now - 1000).toISOString() },
				{ finalizedAt: new Date(now).toISOString() },
			]);
			const poller = setup.poller({
				startFrom: 'dateTime',
				startDate: new Date(now).toISOString(),
			});
			const first = await poller.activate();
			expect(first.items.map((item) => item.json)).toEqual([expectedListed(lead)]);
		});

		it('half a second later: emits nothing and asks WeClever nothing yet', async () => {
			const now = frozen();
			await addLeads(setup.sb, [{ finalizedAt: new Date(now).toISOString() }]);
			const poller = setup.poller({
				startFrom: 'dateTime',
				startDate: new Date(now + 500).toISOString(),
			});
			expect((await poller.activate()).result).toBeNull();
			expect(await listCalls()).toEqual([]);
		});

		it('an hour later: polls before it emit nothing, the first after it only what was finalized since', async () => {
			const now = frozen();
			const [, onTime] = await addLeads(setup.sb, [
				{ finalizedAt: new Date(now - 5 * 60_000).toISOString() },
				{ finalizedAt: new Date(now + 65 * 60_000).toISOString() },
			]);
			const poller = setup.poller({
				output: 'raw',
				startFrom: 'dateTime',
				startDate: new Date(now + 60 * 60_000).toISOString(),
			});
			expect((await poller.activate()).result).toBeNull();
			jest.spyOn(Date, 'now').mockReturnValue(now + 30 * 60_000);
			expect((await poller.poll()).result).toBeNull();
			expect(await listCalls()).toEqual([]);
			jest.spyOn(Date, 'now').mockReturnValue(now + 70 * 60_000);
			const first = await poller.poll();
			expect(first.items.map((item) => item.json)).toEqual([entryOf(onTime)]);
		});
	});
});
