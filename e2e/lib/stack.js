'use strict';
// A ready n8n for the demo and the E2E suite: our package installed as a community package,
// credentials pointing at the emulator and the example workflows imported, server started,
// owner account created through n8n's setup endpoint.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, installPackage, installedTypes, packPackage, removePack, log } = require('./install');
const { N8n, DEFAULT_OWNER } = require('./n8n');
const { emulatorCredentials } = require('../fixtures/credentials');
const { scanStack } = require('./secrets');

const EXAMPLES_DIR = path.join(ROOT, 'examples');

/** Example workflows: [{ file, workflow }] for every examples/*.json. */
function listExamples() {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({
			file: path.join(EXAMPLES_DIR, f),
			workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')),
		}));
}

/**
 * A user folder outside this repository: a package under <userFolder>/.n8n/nodes must resolve its
 * modules the way it does in a real n8n (from n8n's own install), not from our node_modules.
 */
function tempUserFolder(prefix = 'n8n-nodes-voc-e2e-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The tarball to install: E2E_TARBALL if set (e2e/run.js packs once), else build + pack now. */
async function resolveTarball() {
	const given = process.env.E2E_TARBALL;
	if (given && fs.existsSync(given)) return { tarball: given, packedHere: false };
	return { tarball: await packPackage(), packedHere: true };
}

/**
 * @param {object} o
 * @param {string} o.version
 * @param {{url: string, vendors: object[], control: object}} o.emulator  a started emulator (./emulator.js)
 * @param {string} [o.userFolder]   default: a new temporary folder
 * @param {number} [o.port]
 * @param {string} [o.tarball]
 * @param {object} [o.owner]
 * @param {object} [o.env]        extra environment for n8n (e.g. GENERIC_TIMEZONE)
 * @param {(msg: string) => void} [o.progress]
 * @param {string} [o.label]      names this stack's secrets-scan figures (default: the test file)
 */
async function startStack({
	version,
	emulator,
	userFolder,
	port,
	tarball,
	env,
	owner = DEFAULT_OWNER,
	progress = log,
	label,
}) {
	userFolder = userFolder || tempUserFolder();
	const n8n = await N8n.create({ version, userFolder, port, env });
	const pack = tarball ? { tarball, packedHere: false } : await resolveTarball();
	progress(
		`installing ${path.basename(pack.tarball)} into ${path.join(userFolder, '.n8n', 'nodes')}`,
	);
	const { pkgDir } = await installPackage({ userFolder, tarball: pack.tarball, n8n: n8n.install });
	if (pack.packedHere) removePack(pack.tarball);
	const types = await installedTypes({ pkgDir, n8n: n8n.install });

	progress('importing credentials and example workflows');
	const credentials = await emulatorCredentials(emulator);
	const credentialsFile = path.join(userFolder, 'credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	if (credentials.length) await n8n.importCredentials(credentialsFile);
	const examples = listExamples();
	if (examples.length)
		await n8n.cliOk(['import:workflow', '--separate', `--input=${EXAMPLES_DIR}`]);

	progress(`starting n8n ${version} on ${n8n.url}`);
	await n8n.start();
	await n8n.setupOwner(owner);
	return {
		n8n,
		userFolder,
		/** node and credential types of the installed package's n8n block */
		types,
		credentials,
		examples,
		/**
		 * Before stopping, scans n8n's log and every saved execution for the credential values and the
		 * tokens n8n sent (issue 9, part 4), with `logs` (other processes' logs, e.g. queue workers);
		 * a leak fails the run.
		 */
		async stop({ removeUserFolder = true, logs = [] } = {}) {
			let scan;
			if (n8n.child && process.env.JEST_WORKER_ID) {
				const testPath = typeof expect === 'undefined' ? undefined : expect.getState().testPath;
				const name = label || path.basename(testPath || 'stack', '.e2e.test.ts');
				scan = await scanStack({ label: name, version, n8n, credentials, emulator, logs });
				progress(
					`secrets scan: ${scan.scanned} strings, ${scan.secrets} secrets, ${scan.leaks} leaks`,
				);
			}
			await n8n.stop();
			if (removeUserFolder && !process.env.E2E_KEEP)
				fs.rmSync(userFolder, { recursive: true, force: true });
			if (scan?.leaks)
				throw new Error(`Secrets scan of n8n ${version}: ${scan.found.slice(0, 10).join('; ')}`);
		},
	};
}

module.exports = { startStack, listExamples, tempUserFolder, resolveTarball, EXAMPLES_DIR };
