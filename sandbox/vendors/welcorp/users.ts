import { EmuError } from '../../core/types';
import {
	canSee,
	userRecord,
	type Account,
	type AccountSeed,
	type Company,
	type UserRecord,
} from './accounts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Fields a create or update may set (the documented user fields, minus ids and the company). */
const WRITABLE = new Set([
	'user_code',
	'title',
	'first_name',
	'last_name',
	'email',
	'phone',
	'fax',
	'mobile',
	'account_type',
	'agree_spam_policy',
	'user_live',
	'additional_reports_address',
	'report_type',
	'timezone_id',
	'monthly_limit',
	'receive_reports',
	'show_recipients_in_email_report',
	'show_recipients_in_online_report',
	'fax_header_text',
	'call_back_url',
	'default_tts_voice',
	'tts_repeat_count',
	'default_voice_caller_id',
	'default_sms_sender_id',
	'hide_costs_in_reports',
	'default_sms_reply_email_address',
	'credit_limit_for_alert',
	'credit_limit_alert_address',
]);
const COMPANY_FIELDS = [
	'name',
	'abn',
	'address',
	'suburb',
	'state',
	'postcode',
	'country',
] as const;

const invalid = (message: string): never => {
	throw new EmuError(422, `Validation failed: ${message}`);
};

type Body = Record<string, unknown>;

function bodyOf(raw: unknown): Body {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		return invalid('The request body must be a JSON object.');
	return raw as Body;
}

function scalar(body: Body, field: string): string | number | boolean | null {
	const value = body[field];
	if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
		return value as string | number | boolean | null;
	return invalid(`The ${field} must be a string.`);
}

/** Users, companies and the Admin / Agent / User visibility rules. */
export class Directory {
	accounts: Account[] = [];
	companies: Company[] = [];
	private nextUserId = 10_000;
	private nextCompanyId = 5_000;

	load(seed: AccountSeed): void {
		this.accounts = seed.accounts.map((account) => ({ ...account, user: { ...account.user } }));
		this.companies = seed.companies.map((company) => ({ ...company }));
		this.nextUserId = 10_000;
		this.nextCompanyId = 5_000;
	}

	login(username: string, password: string): Account | undefined {
		return this.accounts.find(
			(a) =>
				a.user.user_code.toLowerCase() === username.trim().toLowerCase() && a.password === password,
		);
	}

	byId(userId: number): Account | undefined {
		return this.accounts.find((a) => a.user.user_id === userId);
	}

	visibleUsers(viewer: Account): Account[] {
		return this.accounts
			.filter((a) => canSee(viewer, a.user))
			.sort((a, b) => a.user.user_id - b.user.user_id);
	}

	/** The user as the API shows it, with the company object. */
	output(account: Account) {
		const company = this.companies.find((c) => c.company_id === account.user.company_id) ?? null;
		const { user_id, company_id, agent_id, dist_id, ...rest } = account.user;
		return {
			user_id,
			company_id,
			agent_id,
			dist_id,
			...rest,
			company: company ? { ...company } : null,
		};
	}

	visible(viewer: Account, userId: number): Account {
		const target = this.byId(userId);
		if (!target) throw new EmuError(404, 'User not found');
		if (!canSee(viewer, target.user)) throw new EmuError(403, 'Permission denied');
		return target;
	}

	private companyVisible(viewer: Account, company: Company): boolean {
		if (viewer.role === 'Admin') return company.dist_id === viewer.user.dist_id;
		if (viewer.role === 'Agent')
			return (
				company.agent_id === viewer.user.user_id || company.company_id === viewer.user.company_id
			);
		return company.company_id === viewer.user.company_id;
	}

	private checkFields(body: Body, ownId?: number): Partial<UserRecord> {
		const fields: Record<string, unknown> = {};
		for (const key of Object.keys(body)) if (WRITABLE.has(key)) fields[key] = scalar(body, key);
		if ('user_code' in fields) {
			const code = String(fields.user_code ?? '').trim();
			if (!code) invalid('The user_code field is required.');
			if (
				this.accounts.some(
					(a) => a.user.user_code.toLowerCase() === code.toLowerCase() && a.user.user_id !== ownId,
				)
			) {
				invalid('The user_code has already been taken.');
			}
			fields.user_code = code;
		}
		if ('email' in fields && !EMAIL.test(String(fields.email ?? '')))
			invalid('The email must be a valid email address.');
		if ('agree_spam_policy' in fields)
			fields.agree_spam_policy =
				fields.agree_spam_policy === true ||
				fields.agree_spam_policy === 1 ||
				fields.agree_spam_policy === '1'
					? 1
					: 0;
		return fields as Partial<UserRecord>;
	}

	private password(body: Body, required: boolean): string | undefined {
		const value = body.password;
		if (value === undefined || value === null || value === '')
			return required ? invalid('The password field is required.') : undefined;
		if (typeof value !== 'string' || value.length < 6)
			invalid('The password must be at least 6 characters.');
		return value as string;
	}

	create(viewer: Account, raw: unknown, addedAt: string): number {
		if (viewer.role === 'User') throw new EmuError(403, 'Permission denied');
		const body = bodyOf(raw);
		for (const field of ['user_code', 'first_name', 'last_name', 'email']) {
			if (body[field] === undefined || body[field] === null || body[field] === '')
				invalid(`The ${field} field is required.`);
		}
		const password = this.password(body, true) as string;
		const fields = this.checkFields(body);
		let companyId: number;
		if (body.company_id !== undefined && body.company_id !== null) {
			const company = this.companies.find((c) => c.company_id === Number(body.company_id));
			if (!company || !this.companyVisible(viewer, company))
				invalid('The selected company id is invalid.');
			companyId = Number(body.company_id);
		} else if (typeof body.company === 'object' && body.company !== null) {
			const given = body.company as Body;
			if (typeof given.name !== 'string' || !given.name.trim())
				invalid('The company.name field is required when company id is not present.');
			const company: Company = {
				company_id: this.nextCompanyId++,
				dist_id: viewer.user.dist_id,
				agent_id: viewer.role === 'Agent' ? viewer.user.user_id : null,
				name: '',
				abn: null,
				address: null,
				suburb: null,
				state: null,
				postcode: null,
				country: null,
				billing_user_id: null,
				billing_contact_title: null,
				billing_contact_surname: null,
				billing_contact_first_name: null,
				billing_contact_phone: null,
				billing_contact_fax: null,
				billing_contact_email: null,
			};
			for (const key of COMPANY_FIELDS)
				if (given[key] !== undefined)
					(company as unknown as Record<string, unknown>)[key] =
						given[key] === null ? null : String(given[key]);
			this.companies.push(company);
			companyId = company.company_id;
		} else {
			return invalid('The company field is required when company id is not present.');
		}
		const userId = this.nextUserId++;
		const agentId =
			viewer.role === 'Agent'
				? viewer.user.user_id
				: typeof body.agent_id === 'number'
					? body.agent_id
					: null;
		const user = userRecord(
			{
				...fields,
				user_id: userId,
				company_id: companyId,
				agent_id: agentId,
				dist_id: viewer.user.dist_id,
				user_code: String(fields.user_code),
			},
			addedAt,
		);
		this.accounts.push({ role: 'User', password, user });
		return userId;
	}

	update(viewer: Account, userId: number, raw: unknown): number {
		const target = this.visible(viewer, userId);
		const body = bodyOf(raw);
		const fields = this.checkFields(body, userId);
		const password = this.password(body, false);
		if (body.company_id !== undefined && body.company_id !== null) {
			const company = this.companies.find((c) => c.company_id === Number(body.company_id));
			if (!company || !this.companyVisible(viewer, company))
				invalid('The selected company id is invalid.');
			fields.company_id = Number(body.company_id);
		}
		Object.assign(target.user, fields);
		if (password) target.password = password;
		return userId;
	}
}
