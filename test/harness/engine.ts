import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataService, ErrorReporter, InstanceSettings } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import { LoggerProxy } from 'n8n-workflow';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { RecordingLogger } from './logger';

/**
 * The services n8n's server registers in the DI container before it runs anything
 * (what `packages/cli` does at start-up), set up once per jest module registry.
 */
export interface Engine {
	logger: RecordingLogger;
	instanceSettings: InstanceSettings;
}

let engine: Engine | undefined;
let binaryDataReady: Promise<void> | undefined;

function setUpEngine(): Engine {
	// InstanceSettings reads/creates `<N8N_USER_FOLDER>/.n8n/config` (encryption key) and
	// binary data goes below it: use one folder per jest worker instead of the home directory.
	if (!process.env.N8N_USER_FOLDER) {
		const folder = join(
			tmpdir(),
			'n8n-nodes-voc-harness',
			`worker-${process.env.JEST_WORKER_ID ?? '0'}`,
		);
		mkdirSync(folder, { recursive: true });
		process.env.N8N_USER_FOLDER = folder;
		process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-voc-harness-key';
	}
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';

	const logger = new RecordingLogger();
	Container.set(Logger, logger as unknown as Logger);
	LoggerProxy.init(logger);

	const instanceSettings = Container.get(InstanceSettings);
	Container.get(ErrorReporter);

	// Every execute/load-options context asks for this service; its 60 s cleanup
	// interval would keep jest alive after the tests, so let it not hold the process.
	const ssh = Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout };
	ssh.cleanupTimer?.unref();

	return { logger, instanceSettings };
}

/** Synchronous part: DI services and the logger. */
export function getEngine(): Engine {
	engine ??= setUpEngine();
	return engine;
}

/** Full start-up, including `BinaryDataService.init()` as the server does. */
export async function startEngine(): Promise<Engine> {
	const current = getEngine();
	binaryDataReady ??= Container.get(BinaryDataService).init();
	await binaryDataReady;
	return current;
}

/** Everything the engine and our nodes logged in this test file. */
export function engineLogs(): RecordingLogger {
	return getEngine().logger;
}
