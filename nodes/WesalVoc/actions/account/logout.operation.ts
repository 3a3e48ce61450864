import { logoutOperation } from '../../../shared';
import { WESAL_VOC } from '../../transport';

const operation = logoutOperation(WESAL_VOC);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
