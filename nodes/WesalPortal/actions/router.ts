import type { OperationTable } from '../../shared';
import * as account from './account';
import * as organization from './organization';
import * as queue from './queue';
import * as question from './question';
import * as survey from './survey';

export const operations: OperationTable = {
	organization: organization.operations,
	question: question.operations,
	survey: survey.operations,
	queue: queue.operations,
	account: account.operations,
};
