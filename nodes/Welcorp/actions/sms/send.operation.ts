import { channelSendOperation } from '../../jobCreate';

const operation = channelSendOperation('sms', ['sms'], 'target', 'SMS: Send');

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
export const executeBatch = operation.executeBatch;
