import type { INodeParameters } from 'n8n-workflow';

import { activationRefusal, CredentialStore, Poller } from '../harness';
import { settingsProbe, TriggerSettingsProbe } from '../fixtures/TriggerSettingsProbe.node';

const store = new CredentialStore([]);
const HOUR = 3_600_000;

beforeEach(() => Object.assign(settingsProbe, { items: [], windows: [] }));

const poller = (parameters: INodeParameters) =>
	new Poller({ nodeType: TriggerSettingsProbe, parameters, store });

const activationError = (parameters: INodeParameters) => activationRefusal(poller(parameters));

const emittedIds = (result: { items: Array<{ json: { id?: unknown } }> }) =>
	result.items.map((item) => String(item.json.id));

describe('shared trigger settings: Start From → The Last Hours → Hours', () => {
	it('refuses a value that is not a positive number, before reading anything', async () => {
		// The field has a minimum of 1, but an expression can give anything.
		const cases: Array<[unknown, string]> = [
			[0, 'Got 0. Nothing was read.'],
			[-2, 'Got -2. Nothing was read.'],
			['={{ "3" }}', 'Got "3". Nothing was read.'],
			['={{ NaN }}', 'Got null. Nothing was read.'],
			['={{ Infinity }}', 'Got null. Nothing was read.'],
		];
		for (const [startHours, description] of cases) {
			const outcome = await activationError({
				startFrom: 'lastHours',
				startHours,
			} as INodeParameters);
			expect([startHours, outcome]).toEqual([
				startHours,
				{ message: 'Invalid "Hours": must be a positive number', description },
			]);
		}
		expect(settingsProbe.windows).toEqual([]);
	});

	it('emits the items of that many hours before activation, a fraction of an hour too', async () => {
		const now = Date.now();
		settingsProbe.items.push(
			{ id: 'too old', at: now - 40 * 60_000 },
			{ id: 'b', at: now - 10 * 60_000 },
			{ id: 'a', at: now - 20 * 60_000 },
		);
		const trigger = poller({ startFrom: 'lastHours', startHours: 0.5 });
		expect(emittedIds(await trigger.activate())).toEqual(['a', 'b']);
		const [[since, until]] = settingsProbe.windows;
		expect(until - since).toBe(HOUR / 2);
		expect((await trigger.poll()).result).toBeNull();
	});
});

describe('shared trigger settings: Options → Late Arrival Window (Minutes)', () => {
	it('refuses a value that is not 0 or more, before reading anything', async () => {
		const cases: Array<[unknown, string]> = [
			[-1, 'Got -1. Nothing was read.'],
			['={{ "5" }}', 'Got "5". Nothing was read.'],
			['={{ NaN }}', 'Got null. Nothing was read.'],
			['={{ Infinity }}', 'Got null. Nothing was read.'],
		];
		for (const [lookbackMinutes, description] of cases) {
			const outcome = await activationError({
				options: { lookbackMinutes } as INodeParameters,
			});
			expect([lookbackMinutes, outcome]).toEqual([
				lookbackMinutes,
				{ message: 'Invalid "Late Arrival Window (Minutes)": must be 0 or more', description },
			]);
		}
		expect(settingsProbe.windows).toEqual([]);
	});

	it('is 10 minutes when not set', async () => {
		const trigger = poller({});
		await trigger.activate();
		const [[since, until]] = settingsProbe.windows;
		expect(until - since).toBe(10 * 60_000);
	});

	it('accepts 0: no window before the newest item', async () => {
		const trigger = poller({ options: { lookbackMinutes: 0 } });
		await trigger.activate();
		const [[since, until]] = settingsProbe.windows;
		expect(since).toBe(until);
	});

	it('reads that many minutes before the newest item again', async () => {
		const trigger = poller({ options: { lookbackMinutes: 3 } });
		await trigger.activate();
		const [[since, until]] = settingsProbe.windows;
		expect(until - since).toBe(3 * 60_000);
	});
});

describe('shared trigger settings: Start From and what starts the trigger again', () => {
	it('A Date and Time: emits every item since then on activation', async () => {
		const now = Date.now();
		const start = new Date(Math.floor((now - 2 * HOUR) / 1000) * 1000);
		settingsProbe.items.push(
			{ id: 'before', at: start.getTime() - 1_000 },
			{ id: 'since', at: start.getTime() + 60_000 },
		);
		const trigger = poller({ startFrom: 'dateTime', startDate: start.toISOString() });
		expect(emittedIds(await trigger.activate())).toEqual(['since']);
		expect(settingsProbe.windows[0][0]).toBe(start.getTime());
	});

	it('another event starts again from Start From; another Timeout or window does not', async () => {
		const now = Date.now();
		settingsProbe.items.push({ id: 'a', at: now - 30 * 60_000 });
		const parameters = { event: 'newItem', startFrom: 'lastHours', startHours: 1 };
		const first = poller(parameters);
		expect(emittedIds(await first.activate())).toEqual(['a']);

		const retuned = new Poller(
			{
				nodeType: TriggerSettingsProbe,
				parameters: { ...parameters, options: { timeout: 5_000, lookbackMinutes: 20 } },
				store,
			},
			first.savedStaticData,
		);
		expect((await retuned.activate()).result).toBeNull();

		const otherEvent = new Poller(
			{
				nodeType: TriggerSettingsProbe,
				parameters: { ...parameters, event: 'changedItem' },
				store,
			},
			first.savedStaticData,
		);
		expect(emittedIds(await otherEvent.activate())).toEqual(['a']);
	});
});
