import type { IDataObject } from 'n8n-workflow';

import { FixtureApi } from '../fixtures/FixtureApi.credentials';
import { FixturePoll } from '../fixtures/FixturePoll.node';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { CredentialStore, poll, Poller, pollExpectingError } from './index';

let server: FixtureServer;
let store: CredentialStore;
let credentials: Record<string, string>;

beforeEach(async () => {
	server = await startFixtureServer();
	store = new CredentialStore([FixtureApi]);
	credentials = {
		fixtureApi: store.add({
			type: 'fixtureApi',
			data: { baseUrl: server.url, username: 'alice', password: 's3cret-pw' },
		}),
	};
});

afterEach(async () => {
	await server.close();
});

const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.id);

describe('poll()', () => {
	it('manual mode ("Fetch test event") returns a sample and never saves static data', async () => {
		const result = await poll({
			nodeType: FixturePoll,
			store,
			credentials,
			mode: 'manual',
			staticData: {},
		});

		expect(ids(result.items)).toEqual([2]);
		expect(result.saved).toBe(false);
		// getWorkflowStaticData('node') creates an empty object, which does not count as a change.
		expect(result.staticData).toEqual({ 'node:Fixture Poll Trigger': {} });
		expect(result.staticDataChanged).toBe(false);
	});

	it('trigger mode keeps a cursor in node static data across polls and restarts', async () => {
		const first = await poll({ nodeType: FixturePoll, store, credentials, staticData: {} });
		expect(ids(first.items)).toEqual([1, 2]);
		expect(first.staticData).toEqual({ 'node:Fixture Poll Trigger': { lastId: 2 } });
		expect(first.staticDataChanged).toBe(true);
		expect(first.saved).toBe(true);

		const nothingNew = await poll({
			nodeType: FixturePoll,
			store,
			credentials,
			staticData: first.staticData,
		});
		expect(nothingNew.result).toBeNull();
		expect(nothingNew.staticDataChanged).toBe(false);

		server.addItem('third');
		// Simulate an n8n restart: static data only survives as JSON in the database.
		const restored = JSON.parse(JSON.stringify(nothingNew.staticData)) as IDataObject;
		const afterRestart = await poll({
			nodeType: FixturePoll,
			store,
			credentials,
			staticData: restored,
		});
		expect(ids(afterRestart.items)).toEqual([3]);
		expect(afterRestart.staticData).toEqual({ 'node:Fixture Poll Trigger': { lastId: 3 } });

		// One login for all three polls.
		expect(server.logins).toBe(1);
	});

	it('a poll that throws makes poll() reject with its error: a broken poll is never an idle one', async () => {
		server.failNext('/items', 503);
		await expect(
			poll({ nodeType: FixturePoll, store, credentials, staticData: {} }),
		).rejects.toMatchObject({ name: 'NodeApiError', httpCode: '503' });

		// The same in manual mode ("Fetch test event"): the failed execution rejects.
		server.failNext('/items', 503);
		await expect(
			poll({ nodeType: FixturePoll, store, credentials, staticData: {}, mode: 'manual' }),
		).rejects.toMatchObject({ httpCode: '503' });
	});

	it('with expectError, trigger mode reports a failing poll as n8n does (emitError)', async () => {
		server.failNext('/items', 503);
		const result = await poll({
			nodeType: FixturePoll,
			store,
			credentials,
			staticData: {},
			expectError: true,
		});

		expect(result.result).toBeNull();
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '503' });
		expect(result.saved).toBe(false);

		server.failNext('/items', 503);
		const same = await pollExpectingError({ nodeType: FixturePoll, store, credentials });
		expect(same.error).toMatchObject({ httpCode: '503' });
	});

	it('expectError rejects when the poll does not fail; allowError accepts both', async () => {
		await expect(
			poll({ nodeType: FixturePoll, store, credentials, staticData: {}, expectError: true }),
		).rejects.toThrow('the poll was expected to fail but succeeded (2 item(s))');

		const fine = await poll({ nodeType: FixturePoll, store, credentials, allowError: true });
		expect(fine.error).toBeUndefined();
		server.failNext('/items', 500);
		const failed = await poll({ nodeType: FixturePoll, store, credentials, allowError: true });
		expect(failed.error).toMatchObject({ httpCode: '500' });
	});
});

describe('Poller', () => {
	it('tracks in-memory vs saved static data over activation, polls and a restart', async () => {
		const poller = new Poller({ nodeType: FixturePoll, store, credentials });

		const activation = await poller.activate();
		expect(ids(activation.items)).toEqual([1, 2]);
		expect(poller.savedStaticData).toEqual({ 'node:Fixture Poll Trigger': { lastId: 2 } });

		expect((await poller.poll()).result).toBeNull();

		server.addItem('third');
		expect(ids((await poller.poll()).items)).toEqual([3]);
		expect(poller.savedStaticData).toEqual({ 'node:Fixture Poll Trigger': { lastId: 3 } });

		// "Fetch test event" on the saved workflow does not touch the saved cursor.
		const manual = await poller.manual();
		expect(ids(manual.items)).toEqual([3]);
		expect(poller.savedStaticData).toEqual({ 'node:Fixture Poll Trigger': { lastId: 3 } });

		const afterRestart = await poller.restart();
		expect(afterRestart.result).toBeNull();
		server.addItem('fourth');
		expect(ids((await poller.poll()).items)).toEqual([4]);
	});

	it('saves what the activation poll changed even without items; a later empty poll saves nothing', async () => {
		const parameters = { baseline: true };
		const poller = new Poller({ nodeType: FixturePoll, parameters, store, credentials });
		const activation = await poller.activate();
		expect(activation.result).toBeNull();
		expect(activation.saved).toBe(true);
		expect(poller.savedStaticData).toEqual({ 'node:Fixture Poll Trigger': { lastId: 2 } });

		// A scheduled poll that changes static data but emits nothing: n8n keeps the change
		// in memory only (saveStaticData runs on emit), so a restart would lose it.
		const tick = await poll({
			nodeType: FixturePoll,
			parameters,
			store,
			credentials,
			staticData: {},
		});
		expect(tick.result).toBeNull();
		expect(tick.staticDataChanged).toBe(true);
		expect(tick.saved).toBe(false);
	});

	it('a scheduled poll or a manual run that throws rejects unless the test expects the error', async () => {
		const poller = new Poller({ nodeType: FixturePoll, store, credentials });
		await poller.activate();

		server.failNext('/items', 503);
		await expect(poller.poll()).rejects.toMatchObject({ name: 'NodeApiError', httpCode: '503' });
		server.failNext('/items', 503);
		await expect(poller.manual()).rejects.toMatchObject({ httpCode: '503' });

		server.failNext('/items', 503);
		const failed = await poller.poll({ expectError: true });
		expect(failed.result).toBeNull();
		expect(failed.error).toMatchObject({ httpCode: '503' });
		server.failNext('/items', 503);
		expect((await poller.pollExpectingError()).error).toMatchObject({ httpCode: '503' });
		server.failNext('/items', 503);
		expect((await poller.manualExpectingError()).error).toMatchObject({ httpCode: '503' });

		// The failed polls changed nothing: the next one is idle, and says so without an error.
		const idle = await poller.poll();
		expect(idle.result).toBeNull();
		expect(idle.error).toBeUndefined();
		await expect(poller.pollExpectingError()).rejects.toThrow(
			'the poll was expected to fail but succeeded (nothing new)',
		);
	});

	it('activation fails (throws) when the first poll fails', async () => {
		server.failNext('/items', 500);
		const poller = new Poller({ nodeType: FixturePoll, store, credentials });
		await expect(poller.activate()).rejects.toMatchObject({ httpCode: '500' });
	});
});
