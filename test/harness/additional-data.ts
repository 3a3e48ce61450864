import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type {
	INodeParameters,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import type { CredentialStore } from './credential-store';

export const INSTANCE_BASE_URL = 'http://localhost:5678/';

let executionCounter = 0;

/**
 * What packages/cli `WorkflowExecuteAdditionalData.getBase()` gives n8n-core, with our
 * CredentialStore as the credentials helper. Pass `workflowData` to also get execution
 * lifecycle hooks and an execution id (needed by WorkflowExecute).
 */
export function createAdditionalData(
	store: CredentialStore,
	options: {
		currentNodeParameters?: INodeParameters;
		execution?: { mode: WorkflowExecuteMode; workflowData: IWorkflowBase };
	} = {},
): IWorkflowExecuteAdditionalData {
	const unavailable = (what: string) => () => {
		throw new UserError(`${what} is not available in the test harness`);
	};
	const additionalData: IWorkflowExecuteAdditionalData = {
		credentialsHelper: store,
		executeWorkflow: unavailable('Executing a sub-workflow'),
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${INSTANCE_BASE_URL}rest`,
		instanceBaseUrl: INSTANCE_BASE_URL,
		formWaitingBaseUrl: `${INSTANCE_BASE_URL}form-waiting`,
		webhookBaseUrl: `${INSTANCE_BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${INSTANCE_BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${INSTANCE_BASE_URL}webhook-test`,
		currentNodeParameters: options.currentNodeParameters,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: unavailable('The task runner'),
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
	};
	if (options.execution) {
		const executionId = String(++executionCounter);
		additionalData.executionId = executionId;
		additionalData.hooks = new ExecutionLifecycleHooks(
			options.execution.mode,
			executionId,
			options.execution.workflowData,
		);
	}
	return additionalData;
}
