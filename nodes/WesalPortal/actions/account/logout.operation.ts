import { logoutOperation } from '../../../shared';
import { WESAL_PORTAL } from '../../transport';

const operation = logoutOperation(WESAL_PORTAL);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
