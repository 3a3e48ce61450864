import type { OperationTable } from '../../shared';
import * as job from './job';
import * as user from './user';
import * as verification from './verification';

/** Job → Create serves all its items at once (executeBatch): by default one job for all of them. */
export const operations: OperationTable = {
	job: job.operations,
	user: user.operations,
	verification: verification.operations,
};
