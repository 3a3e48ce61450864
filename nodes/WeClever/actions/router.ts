import type { OperationTable } from '../../shared';
import * as lead from './lead';

export const operations: OperationTable = {
	lead: lead.operations,
};
