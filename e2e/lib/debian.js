'use strict';
// Installs a Debian package the E2E needs when it is missing (PostgreSQL, redis-server, chromium):
// CI runs on a fresh machine as root. The package's own service must not start (it would listen on
// its default port and outlive the tests): when the machine has no policy-rc.d, a temporary one that
// forbids starting services is in place during the install and removed afterwards.
//
//   aptInstall({ packages: ['redis-server'], by: 'e2e/lib/redis.js', timeoutMs: 600_000 })

const fs = require('node:fs');
const { runSync } = require('./command');

const POLICY_RC = '/usr/sbin/policy-rc.d';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * `apt-get update && apt-get install -y --no-install-recommends <packages>`; throws with apt-get's
 * output when either fails. `by` names the file that asked (written into the temporary policy-rc.d).
 */
function aptInstall({ packages, by, timeoutMs }) {
	const ownPolicy = !fs.existsSync(POLICY_RC);
	if (ownPolicy)
		fs.writeFileSync(
			POLICY_RC,
			`#!/bin/sh\n# written by n8n-nodes-voc ${by} during apt-get install\nexit 101\n`,
			{ mode: 0o755 },
		);
	try {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		runSync('apt-get', ['update'], { env, timeout: timeoutMs });
		runSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
			env,
			timeout: timeoutMs,
		});
	} finally {
		if (ownPolicy) fs.rmSync(POLICY_RC, { force: true });
	}
}

module.exports = { aptInstall, isRoot };
