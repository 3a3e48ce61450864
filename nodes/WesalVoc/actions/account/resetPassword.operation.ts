import { compact, passwordResetOperation } from '../../../shared';
import { resetCompanyId } from '../../account';
import { WESAL_VOC } from '../../transport';

// The doc sends the code as `otp` and keeps `verifyCode` for links sent by email: send both.
const operation = passwordResetOperation(WESAL_VOC, 'resetPassword', async function (input, item) {
	const { method, email, phone, otp, newPassword } = input;
	const companyId = await resetCompanyId(this, item);
	return compact({ companyId, method, email, phone, verifyCode: otp, otp, password: newPassword });
});

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
