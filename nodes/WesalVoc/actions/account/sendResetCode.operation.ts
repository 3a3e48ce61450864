import { passwordResetOperation } from '../../../shared';
import { resetCompanyId } from '../../account';
import { WESAL_VOC } from '../../transport';

const operation = passwordResetOperation(WESAL_VOC, 'sendResetCode', async function (input, item) {
	return {
		companyId: await resetCompanyId(this, item),
		method: input.method,
		// The doc's example sends "NO" for the contact that is not used.
		email: input.email || 'NO',
		phone: input.phone || 'NO',
	};
});

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
