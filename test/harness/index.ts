/**
 * Jest harness that runs our nodes through the real n8n engine (n8n-core WorkflowExecute,
 * PollContext, LoadOptionsContext, RoutingNode), supplying what n8n's server supplies.
 * See README.md in this folder.
 */
export {
	CredentialStore,
	type CredentialRecord,
	type CredentialStoreStats,
} from './credential-store';
export { CredentialTypes } from './credential-types';
export {
	NodeTypes,
	PACKAGE_NAME,
	INPUT_NODE_TYPE,
	fullTypeName,
	createInputNodeType,
	type NodeTypeSource,
} from './node-types';
export {
	runNode,
	runNodeOrThrow,
	toError,
	type RunNodeOptions,
	type RunNodeResult,
} from './run-node';
export {
	activationRefusal,
	poll,
	pollExpectingError,
	Poller,
	type FailedPollResult,
	type PollCallOptions,
	type PollErrorHandling,
	type PollOptions,
	type PollResult,
} from './poll';
export { loadOptions, listSearch, type LoadOptionsOptions } from './load-options';
export { testCredential, type CredentialTestResult } from './credential-test';
export { engineLogs, startEngine } from './engine';
export { RecordingLogger, safeStringify, type LogLine } from './logger';
export { createAdditionalData } from './additional-data';
