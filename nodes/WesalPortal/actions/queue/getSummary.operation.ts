import { queueStateOperation, simplifySummary, SUMMARY_FIELDS } from '../../queue';

/** One item per queue; a queue the API does not know comes back with `success: false`. */
const operation = queueStateOperation('getSummary', SUMMARY_FIELDS, simplifySummary);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
