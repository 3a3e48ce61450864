import { ACTIVITY_FIELDS, queueStateOperation, simplifyActivity } from '../../queue';

/** One item per queue: its members counted by routing status (IDLE, INTERACTING…). */
const operation = queueStateOperation('getActivity', ACTIVITY_FIELDS, simplifyActivity);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
