import { CredentialStore, Poller } from '../harness';
import { settingsProbe, TriggerSettingsProbe } from '../fixtures/TriggerSettingsProbe.node';
import { newestInWindows } from '../../nodes/shared';

const store = new CredentialStore([]);
const DAY = 86_400_000;

beforeEach(() => Object.assign(settingsProbe, { items: [], windows: [] }));

describe('shared trigger settings: Start From → A Date and Time', () => {
	it('names the field when the date cannot be read, before reading anything', async () => {
		for (const [startDate, message] of [
			['next tuesday', 'Invalid "Date and Time": "next tuesday" is not a date'],
			['', 'Invalid "Date and Time": a date is required'],
		]) {
			const trigger = new Poller({
				nodeType: TriggerSettingsProbe,
				parameters: { startFrom: 'dateTime', startDate },
				store,
			});
			await expect(trigger.activate()).rejects.toThrow(message);
		}
		expect(settingsProbe.windows).toEqual([]);
	});
});

describe('Fetch Test Event: the newest item of the nearest window that has any', () => {
	it('takes an item without a time when none has one, and looks further back only when empty', async () => {
		const asked: Array<[number, number]> = [];
		const fetch = async (since: Date, until: Date) => {
			asked.push([since.getTime(), until.getTime()]);
			return asked.length === 1 ? [] : [{ id: 'a' }, { id: 'b' }];
		};
		expect(await newestInWindows(fetch, [DAY, 7 * DAY], () => undefined)).toEqual([{ id: 'a' }]);
		const now = asked[0][1];
		// the week ends one second before the day began
		expect(asked).toEqual([
			[now - DAY, now],
			[now - 7 * DAY, now - DAY - 1000],
		]);
	});
});
