import { JOB_ID } from '../../job';
import { JOB_FIELDS, simplifyJob, withoutSecrets } from '../../jobOutput';
import { getByIdOperation } from '../../getById';

const operation = getByIdOperation({
	resource: 'job',
	locator: JOB_ID,
	endpoint: 'getJob',
	operation: 'Job: Get',
	fields: JOB_FIELDS,
	record: withoutSecrets,
	simplify: simplifyJob,
});

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
