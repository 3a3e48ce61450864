import { getByIdOperation } from '../../getById';
import { simplifyUser, USER_FIELDS, USER_ID } from '../../user';

const operation = getByIdOperation({
	resource: 'user',
	locator: USER_ID,
	endpoint: 'getUser',
	operation: 'User: Get',
	fields: USER_FIELDS,
	simplify: simplifyUser,
});

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
