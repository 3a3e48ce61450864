import type { IHookFunctions } from 'n8n-workflow';

/**
 * The webhook lifecycle of a Welcorp node: there is nothing to register at Welcorp, each job
 * carries its own callback URL.
 */
export const nothingToRegister = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};
