'use strict';
// Each vendor of the n8n block as the queue-mode E2E (e2e/queue-mode.e2e.test.ts) and the production
// topology's workload (e2e/topology/workload.js) drive it against the emulator: its polling trigger,
// how to add items (its control API, or the vendor API where the emulator has no control route), the
// key of a delivered item, a counter that grows with every poll, and an action node's parameters.

const PORTAL_COMPANY = 100301;

/** Our survey search over the last `days` days, 3 surveys at most. */
const recentSurveys = (days, more = {}) => ({
	resource: 'survey',
	operation: 'getAll',
	...more,
	startDate: `={{ $now.minus({ days: ${days} }).toISO() }}`,
	endDate: '={{ $now.toISO() }}',
	returnAll: false,
	limit: 3,
	options: {},
});

const portalCompany = () => ({ __rl: true, mode: 'id', value: String(PORTAL_COMPANY) });

/**
 * @param {object} o
 * @param {object} o.emulator   ./emulator.js startEmulator()
 * @param {string} o.label      what the names of added items start with ('Queue', 'Load')
 * @param {() => {username: string, password: string}} o.welcorpUser  the Welcorp account the
 *   workflows' credential signs in as (read when it is needed)
 * @returns one entry per vendor: { name, trigger: { type, parameters }, add(n) → keys, keyOf(item),
 *   keyExpr (the same key as an n8n expression on the trigger's raw output), polls(), action: { type,
 *   parameters() } }; Welcorp's also api(method, path, body)
 */
function vendorDrivers({ emulator, label, welcorpUser }) {
	const control = emulator.control;
	const cv = (name) => control.vendor(name);
	const welcorpUrl = emulator.vendors.find((v) => v.name === 'welcorp').url;
	let counter = 0;
	/** Adds n records through the emulator's control route `<collection>`; resolves their keys. */
	const addRecords = (vendor, collection, record, keyOf) => async (n) =>
		(await cv(vendor).post(collection, { [collection]: Array.from({ length: n }, record) }))[
			collection
		].map(keyOf);
	/** A counter of the emulator's stats for `vendor` that grows with every poll. */
	const statsCounter = (vendor, field) => async () => (await cv(vendor).get('stats'))[field];
	const keyOfSurvey = (item) => item._id;
	const keyOfLead = (item) => String(item.weclever_lead_id);
	const keyOfResponse = (row) => `${row.conn_id}|${row.date}|${row.customer_id}`;

	/** A call to the Welcorp API as the workflows' user; retried while the emulator answers 5xx (a fault). */
	const welcorpApi = async (method, urlPath, body, { retryUntil = Date.now() + 120_000 } = {}) => {
		const { username, password } = welcorpUser();
		for (;;) {
			const res = await fetch(`${welcorpUrl}${urlPath}`, {
				method,
				headers: {
					authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
					'content-type': 'application/json',
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const json = await res.json().catch(() => undefined);
			if (res.status < 500 || Date.now() > retryUntil) {
				if (res.status >= 400)
					throw new Error(`welcorp ${method} ${urlPath} → ${res.status} ${JSON.stringify(json)}`);
				return json;
			}
			await new Promise((r) => setTimeout(r, 1000));
		}
	};

	return [
		{
			name: 'wesal-voc',
			trigger: { type: 'wesalVocTrigger', parameters: { event: 'newSurvey', filters: {} } },
			add: addRecords(
				'wesal-voc',
				'surveys',
				() => ({ agent: `${label} ${++counter}` }),
				keyOfSurvey,
			),
			keyOf: keyOfSurvey,
			keyExpr: 'String($json._id)',
			polls: statsCounter('wesal-voc', 'searches'),
			action: {
				type: 'wesalVoc',
				parameters: async () => recentSurveys(2, { filters: {} }),
			},
		},
		{
			name: 'wesal-portal',
			trigger: {
				type: 'wesalPortalTrigger',
				parameters: { event: 'newSurvey', company: portalCompany() },
			},
			add: async (n) =>
				(await cv('wesal-portal').post('surveys', { count: n })).surveys.map((s) => String(s.id)),
			keyOf: (item) => String(item.id),
			keyExpr: 'String($json.id)',
			polls: statsCounter('wesal-portal', 'surveyPages'),
			action: {
				type: 'wesalPortal',
				parameters: async () => recentSurveys(3, { company: portalCompany() }),
			},
		},
		{
			name: 'weclever',
			trigger: { type: 'weCleverTrigger', parameters: { event: 'newFinalizedLead' } },
			add: addRecords('weclever', 'leads', () => ({}), keyOfLead),
			keyOf: keyOfLead,
			keyExpr: 'String($json.weclever_lead_id)',
			polls: statsCounter('weclever', 'listCalls'),
			action: {
				type: 'weClever',
				parameters: async () => {
					const { leads } = await cv('weclever').get('leads');
					return {
						resource: 'lead',
						operation: 'get',
						leadId: String(leads[0].weclever_lead_id),
						options: {},
					};
				},
			},
		},
		{
			name: 'wolkvox',
			trigger: { type: 'wolkvoxTrigger', parameters: { event: 'newSurveyResponse', filters: {} } },
			add: addRecords('wolkvox', 'surveys', () => ({ q1: '4' }), keyOfResponse),
			keyOf: keyOfResponse,
			keyExpr: "[$json.conn_id, $json.date, $json.customer_id].join('|')",
			polls: statsCounter('wolkvox', 'reports'),
			action: {
				type: 'wolkvox',
				parameters: async () => recentSurveys(7, { filters: {} }),
			},
		},
		{
			name: 'welcorp',
			trigger: { type: 'welcorpTrigger', parameters: { event: 'newJob', filters: {} } },
			// Welcorp's emulator has no control route that adds jobs: they are created through its API,
			// as the account's user would (retried while a fault answers 503)
			add: async (n) => {
				const ids = [];
				for (let i = 0; i < n; i++) {
					const answer = await welcorpApi('POST', '/jobs', {
						job_type: 'sms',
						message: `${label} ${++counter}`,
						recipients: [{ destination: '61411111111' }],
					});
					ids.push(String(answer.data));
				}
				return ids;
			},
			keyOf: (item) => String(item.job_id),
			keyExpr: 'String($json.job_id)',
			polls: async () =>
				(await control.requests('welcorp')).filter((r) => r.method === 'GET' && r.path === '/jobs')
					.length,
			action: {
				type: 'welcorp',
				parameters: async () => {
					const accounts = await cv('welcorp').get('accounts');
					const user = accounts.find((a) => a.username === welcorpUser().username);
					const { jobs } = await cv('welcorp').get(`jobs?user_id=${user.user_id}`);
					return { resource: 'job', operation: 'get', jobId: String(jobs[0].job_id) };
				},
			},
			api: welcorpApi,
		},
	];
}

module.exports = { vendorDrivers, PORTAL_COMPANY };
