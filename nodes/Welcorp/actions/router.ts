import type { OperationTable } from '../../shared';
import * as email from './email';
import * as fax from './fax';
import * as job from './job';
import * as sms from './sms';
import * as user from './user';
import * as verification from './verification';
import * as voiceCall from './voiceCall';

/**
 * The operations the item router runs. Jobs are sent in one batch for all items (executeBatch):
 * by default one job for all of them. The send-and-wait operations are not here: they wait, so
 * the node runs them itself (Welcorp.node.ts).
 */
export const operations: OperationTable = {
	email: email.operations,
	fax: fax.operations,
	job: job.operations,
	sms: sms.operations,
	user: user.operations,
	verification: verification.operations,
	voiceCall: voiceCall.operations,
};
