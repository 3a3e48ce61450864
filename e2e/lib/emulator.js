'use strict';
// The vendor emulator (sandbox/) from the outside: start it, and its control API (the ground truth
// the E2E suite compares n8n's output with). See notes/CONVENTIONS.md, "Emulator (sandbox) contract".

const path = require('node:path');
const { ROOT } = require('./install');
const { httpRequest } = require('./http');

/**
 * Starts the emulator in this process. Under jest the TypeScript is compiled by ts-jest;
 * in plain Node (scripts/start.js) ts-node compiles it (transpile only).
 */
async function startEmulator({ port = 0 } = {}) {
	if (!process.env.JEST_WORKER_ID && !require.extensions['.ts']) {
		require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
	}
	const { startSandbox } = require(path.join(ROOT, 'sandbox', 'server'));
	// The E2E runs several n8n and a browser at once: n8n's answer to a Welcorp callback may take
	// seconds there (the emulator gives up after 5 s by default).
	const sandbox = await startSandbox({ port, vendors: { welcorp: { callbackTimeoutMs: 15_000 } } });
	return { ...sandbox, control: new EmulatorControl(sandbox.url) };
}

class EmulatorControl {
	constructor(url) {
		this.url = url.replace(/\/+$/, '');
		/** Requests dropped from the emulator's log by a test, kept for the secrets scan. */
		this.clearedRequests = [];
	}

	async call(method, urlPath, body) {
		const clears =
			(method === 'DELETE' && urlPath.startsWith('/__control/requests')) ||
			(method === 'POST' && urlPath === '/__control/reset');
		if (clears) {
			this.clearedRequests.push(...(await this.call('GET', '/__control/requests')));
		}
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const headers =
			payload === undefined
				? {}
				: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
		const res = await httpRequest(`${this.url}${urlPath}`, { method, headers }, payload);
		const text = res.body;
		if (res.status >= 400)
			throw new Error(`emulator ${method} ${urlPath} → ${res.status}: ${text.slice(0, 500)}`);
		return text ? JSON.parse(text) : undefined;
	}

	reset() {
		return this.call('POST', '/__control/reset');
	}

	vendor(name) {
		const base = `/__control/${name}`;
		return {
			get: (sub) => this.call('GET', `${base}/${sub}`),
			post: (sub, body) => this.call('POST', `${base}/${sub}`, body ?? {}),
			delete: (sub) => this.call('DELETE', `${base}/${sub}`),
		};
	}

	requests(vendor) {
		return this.call('GET', `/__control/requests?vendor=${encodeURIComponent(vendor)}`);
	}

	/** Every request the emulator logged in this run, including those a test cleared. */
	async requestsAll() {
		return [...this.clearedRequests, ...(await this.call('GET', '/__control/requests'))];
	}

	sink(name) {
		return this.call('GET', `/__sink/${encodeURIComponent(name)}`);
	}

	clearSink(name) {
		return this.call('DELETE', `/__sink/${encodeURIComponent(name)}`);
	}

	sinkUrl(name) {
		return `${this.url}/__sink/${encodeURIComponent(name)}`;
	}
}

module.exports = { startEmulator, EmulatorControl };
