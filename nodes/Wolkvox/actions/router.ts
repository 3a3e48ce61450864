import type { OperationTable } from '../../shared';
import * as survey from './survey';

/** Items are handled one after another, so the token never serves two requests at once. */
export const operations: OperationTable = {
	survey: survey.operations,
};
