import type { OperationTable } from '../../shared';
import * as account from './account';
import * as company from './company';
import * as survey from './survey';

export const operations: OperationTable = {
	survey: survey.operations,
	company: company.operations,
	account: account.operations,
};
