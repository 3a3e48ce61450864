'use strict';
// Secrets scan of an E2E run (issue 9, part 4): every credential value the run used, and every
// token or password n8n sent to the emulator, must appear nowhere a user or operator can see it:
// n8n's log and every execution's saved data (output items, error messages and descriptions).
// Figures go to .cache/reliability/e2e-secrets/ for docs/RELIABILITY.md (scripts/reliability.js).

const fs = require('node:fs');
const path = require('node:path');

const RESULTS = path.join(__dirname, '..', '..', '.cache', 'reliability', 'e2e-secrets');
const SECRET_NAME = /pass|token|secret|key/i;
const MIN_LENGTH = 6;

/** Secret values of credentials in `n8n import:credentials` form, with the Basic-auth forms they give. */
function credentialSecrets(credentials) {
	const found = [];
	for (const { data } of credentials) {
		for (const [name, value] of Object.entries(data || {})) {
			if (typeof value === 'string' && SECRET_NAME.test(name)) found.push(value);
		}
		const user = data?.username ?? data?.email;
		if (user && data.password)
			found.push(Buffer.from(`${user}:${data.password}`).toString('base64'));
	}
	return found;
}

/** Authorization values, token headers and secret body fields of the requests the emulator logged. */
function requestSecrets(requests) {
	const found = [];
	for (const request of requests) {
		for (const [name, value] of Object.entries(request.headers || {})) {
			if (typeof value !== 'string') continue;
			if (name === 'authorization') found.push(value.replace(/^(Bearer|Basic|Token)\s+/i, ''));
			else if (SECRET_NAME.test(name)) found.push(value);
		}
		if (request.body && typeof request.body === 'object') {
			for (const [name, value] of Object.entries(request.body)) {
				if (typeof value === 'string' && SECRET_NAME.test(name)) found.push(value);
			}
		}
	}
	return found;
}

/** Every execution of the running n8n with its saved data (the flatted string n8n stores). */
async function executionData(n8n) {
	const all = [];
	let lastId;
	let cursor;
	for (;;) {
		const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : lastId ? `&lastId=${lastId}` : ''}`;
		const page = await n8n.request('GET', `/rest/executions?${query}`);
		const rows = page.results || page;
		if (!Array.isArray(rows) || rows.length === 0) break;
		for (const row of rows) {
			const full = await n8n.request('GET', `/rest/executions/${row.id}`);
			all.push({
				id: row.id,
				data: typeof full.data === 'string' ? full.data : JSON.stringify(full.data ?? full),
			});
		}
		if (page && 'nextCursor' in page) {
			if (!page.nextCursor) break;
			cursor = page.nextCursor;
			continue;
		}
		const nextId = Math.min(...rows.map((row) => Number(row.id)));
		if (!Number.isFinite(nextId) || String(nextId) === String(lastId)) break;
		lastId = nextId;
	}
	return all;
}

/** The strings of a flatted execution: the items, messages and descriptions it is made of. */
function stringsOf(flatted) {
	try {
		const parsed = JSON.parse(flatted);
		return Array.isArray(parsed) ? parsed.filter((part) => typeof part === 'string') : [flatted];
	} catch {
		return [flatted];
	}
}

/**
 * Scans one E2E stack before it stops. `logs`: extra log texts (e.g. queue-mode workers).
 * Returns { scanned, leaks } and records it under `label` for docs/RELIABILITY.md.
 */
async function scanStack({ label, version, n8n, credentials, emulator, logs = [] }) {
	const secrets = new Set(
		[
			...credentialSecrets(credentials),
			...requestSecrets(await emulator.control.requestsAll()),
		].filter((value) => value.length >= MIN_LENGTH),
	);
	const texts = [];
	for (const log of [n8n.log(), ...logs])
		texts.push(...log.split('\n').map((line, index) => [`log line ${index + 1}`, line]));
	for (const execution of await executionData(n8n)) {
		texts.push(...stringsOf(execution.data).map((text) => [`execution ${execution.id}`, text]));
	}
	const leaks = [];
	for (const [where, text] of texts) {
		for (const secret of secrets)
			if (text.includes(secret)) leaks.push(`${where} contains a secret (${secret.slice(0, 3)}…)`);
	}
	const result = {
		label,
		version,
		secrets: secrets.size,
		scanned: texts.length,
		leaks: leaks.length,
		generatedAt: new Date().toISOString(),
	};
	fs.mkdirSync(RESULTS, { recursive: true });
	fs.writeFileSync(path.join(RESULTS, `${version}-${label}.json`), JSON.stringify(result, null, 2));
	return { ...result, found: leaks };
}

module.exports = { scanStack, credentialSecrets, requestSecrets };
