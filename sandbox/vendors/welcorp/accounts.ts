import { Rng } from '../../core/prng';

export type Role = 'User' | 'Agent' | 'Admin';

export interface Company {
	company_id: number;
	dist_id: number;
	agent_id: number | null;
	name: string;
	abn: string | null;
	address: string | null;
	suburb: string | null;
	state: string | null;
	postcode: string | null;
	country: string | null;
	billing_user_id: number | null;
	billing_contact_title: string | null;
	billing_contact_surname: string | null;
	billing_contact_first_name: string | null;
	billing_contact_phone: string | null;
	billing_contact_fax: string | null;
	billing_contact_email: string | null;
}

/** A user record as the API shows it (company attached on output). */
export type UserRecord = Record<string, unknown> & {
	user_id: number;
	company_id: number;
	agent_id: number | null;
	dist_id: number;
	user_code: string;
};

export interface Account {
	user: UserRecord;
	password: string;
	role: Role;
}

/** A list uploaded via the portal: contacts with the fixed merge fields. */
export interface UserList {
	list_id: number;
	user_id: number;
	name: string;
	contacts: Array<Record<string, string>>;
}

export const LIST_FIELDS = [
	'Recipient',
	'Reference',
	'Email',
	'Fax',
	'Phone',
	'Mobile',
	'CustomField1',
	'CustomField2',
	'CustomField3',
	'CustomField4',
	'CustomField5',
	'CustomField6',
] as const;

export const MAIN_USER = { user_id: 421, user_code: 'au/testuser', password: 'testpassword' };
export const AGENT = { user_id: 91, user_code: 'au/agent', password: 'agentpassword' };
export const OTHER_AGENT = { user_id: 92, user_code: 'au/agent2', password: 'agent2password' };
export const ADMIN = { user_id: 1, user_code: 'au/admin', password: 'adminpassword' };
/** Admin of another distributor: sees none of distributor 1. */
export const OTHER_ADMIN = { user_id: 2, user_code: 'nz/admin', password: 'otheradminpassword' };

/** Users an admin of distributor 1 sees (the doc's example total). */
export const DIST1_USERS = 457;
const AGENT1_USERS = 120;
const DIST2_USERS = 20;

const FIRST = [
	'Jane',
	'John',
	'Jon',
	'Jonathan',
	'Kevin',
	'Mia',
	'Liam',
	'Olivia',
	'Noah',
	'Ava',
	'Ethan',
	'Isla',
	'Lucas',
	'Zoe',
	'Mason',
	'Ruby',
];
const LAST = [
	'Smith',
	'Jones',
	'Williams',
	'Brown',
	'Wilson',
	'Taylor',
	'Nguyen',
	'Martin',
	'Lee',
	'White',
	'Harris',
	'Clark',
];
const SUBURBS: Array<[string, string, string]> = [
	['Melbourne', 'VIC', '3000'],
	['Sydney', 'NSW', '2000'],
	['Brisbane', 'QLD', '4000'],
	['Perth', 'WA', '6000'],
	['Adelaide', 'SA', '5000'],
];

function company(
	id: number,
	dist: number,
	agent: number | null,
	name: string,
	rng: Rng,
	billing: number | null,
): Company {
	const [suburb, state, postcode] = rng.pick(SUBURBS);
	return {
		company_id: id,
		dist_id: dist,
		agent_id: agent,
		name,
		abn: rng.bool(0.5) ? rng.digits(11) : null,
		address: `${rng.int(1, 400)} ${rng.pick(LAST)} street`,
		suburb,
		state,
		postcode,
		country: 'Australia',
		billing_user_id: billing,
		billing_contact_title: null,
		billing_contact_surname: null,
		billing_contact_first_name: null,
		billing_contact_phone: null,
		billing_contact_fax: null,
		billing_contact_email: null,
	};
}

/** Every documented user field, with the doc's defaults. */
export function userRecord(
	fields: Partial<UserRecord> &
		Pick<UserRecord, 'user_id' | 'company_id' | 'agent_id' | 'dist_id' | 'user_code'>,
	addedAt: string,
): UserRecord {
	return {
		account_type: 'Acct',
		title: null,
		first_name: null,
		last_name: null,
		email: null,
		phone: null,
		fax: null,
		mobile: null,
		user_live: true,
		additional_reports_address: null,
		report_type: 'Detailed',
		timezone_id: 17,
		monthly_limit: null,
		agree_spam_policy: 1,
		user_added: addedAt,
		receive_reports: true,
		show_recipients_in_email_report: true,
		show_recipients_in_online_report: true,
		fax_header_text: null,
		call_back_url: null,
		default_tts_voice: null,
		tts_repeat_count: null,
		default_voice_caller_id: null,
		default_sms_sender_id: null,
		etob_authentication_type: null,
		etob_email_address: null,
		etob_subject_behaviour: null,
		etob_use_email_body_as_fax_cover: false,
		etob_email_message_start_string: null,
		etob_email_message_start_string_include: false,
		etob_email_message_end_string: null,
		etob_strip_non_ascii: false,
		etob_disabled: false,
		etob_xheader_code: null,
		etob_ip_whitelist: null,
		etob_ip_whitelist_alert_address: null,
		email_address_for_inbound_fax: null,
		credit_limit_for_alert: null,
		credit_limit_alert_address: null,
		hide_costs_in_reports: false,
		hide_accounts: false,
		filter_non_ascii_in_sms: false,
		tts_max_character_limit: null,
		default_sms_reply_email_address: null,
		tts_message_prefix: null,
		maximum_document_retention_hours: null,
		include_fax_content_in_reports: false,
		...fields,
	};
}

export interface AccountSeed {
	accounts: Account[];
	companies: Company[];
	lists: UserList[];
}

function person(rng: Rng) {
	const first = rng.pick(FIRST);
	const last = rng.pick(LAST);
	return {
		first_name: first,
		last_name: last,
		email: `${first}.${last}${rng.int(1, 99)}@example.com`.toLowerCase(),
		mobile: `04${rng.digits(8)}`,
		phone: `03${rng.digits(8)}`,
	};
}

export function seedAccounts(rng: Rng): AccountSeed {
	const companies: Company[] = [
		company(1, 1, AGENT.user_id, 'Generic Computer Corp', rng, MAIN_USER.user_id),
	];
	const accounts: Account[] = [];
	const added = (i: number) =>
		`20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10} 09:${String(i % 60).padStart(2, '0')}:00`;
	const add = (
		role: Role,
		fields: Partial<UserRecord> &
			Pick<UserRecord, 'user_id' | 'company_id' | 'agent_id' | 'dist_id' | 'user_code'>,
		password: string,
	) =>
		accounts.push({
			role,
			password,
			user: userRecord({ ...person(rng), ...fields }, added(accounts.length)),
		});

	add(
		'Admin',
		{
			user_id: ADMIN.user_id,
			company_id: 1,
			agent_id: null,
			dist_id: 1,
			user_code: ADMIN.user_code,
			account_type: 'Admin',
		},
		ADMIN.password,
	);
	add(
		'Admin',
		{
			user_id: OTHER_ADMIN.user_id,
			company_id: 2,
			agent_id: null,
			dist_id: 2,
			user_code: OTHER_ADMIN.user_code,
			account_type: 'Admin',
		},
		OTHER_ADMIN.password,
	);
	companies.push(company(2, 2, null, 'Kiwi Messaging Ltd', rng, OTHER_ADMIN.user_id));
	add(
		'Agent',
		{
			user_id: AGENT.user_id,
			company_id: 1,
			agent_id: null,
			dist_id: 1,
			user_code: AGENT.user_code,
			account_type: 'Agent',
		},
		AGENT.password,
	);
	add(
		'Agent',
		{
			user_id: OTHER_AGENT.user_id,
			company_id: 1,
			agent_id: null,
			dist_id: 1,
			user_code: OTHER_AGENT.user_code,
			account_type: 'Agent',
		},
		OTHER_AGENT.password,
	);
	add(
		'User',
		{
			user_id: MAIN_USER.user_id,
			company_id: 1,
			agent_id: AGENT.user_id,
			dist_id: 1,
			user_code: MAIN_USER.user_code,
			first_name: 'Jane',
			last_name: 'Smith',
			email: 'jsmith@mydomain.com',
			phone: '0312323434',
			fax: '0355667788',
			mobile: '0487 654 432',
			additional_reports_address: 'test@ts.com',
			monthly_limit: 8888,
		},
		MAIN_USER.password,
	);

	// Distributor 1: the main user, 2 agents and an admin, plus generated users up to DIST1_USERS.
	let nextId = 100;
	let nextCompany = 3;
	let made = 0;
	const codes = new Set(accounts.map((a) => a.user.user_code));
	while (accounts.filter((a) => a.user.dist_id === 1).length < DIST1_USERS) {
		if (nextId === MAIN_USER.user_id) nextId++;
		const agent = made < AGENT1_USERS - 1 ? AGENT.user_id : OTHER_AGENT.user_id;
		if (made % 6 === 0)
			companies.push(
				company(
					nextCompany++,
					1,
					agent,
					`${rng.pick(LAST)} ${rng.pick(['Pty Ltd', 'Group', 'Holdings', 'Services'])}`,
					rng,
					nextId,
				),
			);
		const who = person(rng);
		let code = `au/${who.first_name.toLowerCase()}${made + 1}`;
		while (codes.has(code)) code += 'x';
		codes.add(code);
		add(
			'User',
			{
				...who,
				user_id: nextId++,
				company_id: nextCompany - 1,
				agent_id: agent,
				dist_id: 1,
				user_code: code,
			},
			`pw-${made}`,
		);
		made++;
	}
	for (let i = 0; i < DIST2_USERS; i++) {
		const who = person(rng);
		add(
			'User',
			{
				...who,
				user_id: 3000 + i,
				company_id: 2,
				agent_id: null,
				dist_id: 2,
				user_code: `nz/${who.first_name.toLowerCase()}${i + 1}`,
			},
			`pw-nz-${i}`,
		);
	}

	const contact = (i: number, list: number): Record<string, string> => {
		const who = person(rng);
		return {
			Recipient: `${who.first_name} ${who.last_name}`,
			Reference: `L${list}-${i + 1}`,
			Email: who.email,
			Fax: `03${rng.digits(8)}`,
			Phone: who.phone,
			Mobile: `614${rng.digits(8)}`,
			CustomField1: `Account ${rng.digits(6)}`,
			CustomField2: rng.pick(['Gold', 'Silver', 'Bronze']),
			CustomField3: `1300${rng.digits(6)}`,
			CustomField4: '',
			CustomField5: '',
			CustomField6: '',
		};
	};
	const lists: UserList[] = [
		{
			list_id: 1234,
			user_id: MAIN_USER.user_id,
			name: 'Customers',
			contacts: Array.from({ length: 25 }, (_, i) => contact(i, 1234)),
		},
		{
			list_id: 5678,
			user_id: MAIN_USER.user_id,
			name: 'Suppliers',
			contacts: Array.from({ length: 12 }, (_, i) => contact(i, 5678)),
		},
		{
			list_id: 4321,
			user_id: 100,
			name: 'Someone else',
			contacts: Array.from({ length: 5 }, (_, i) => contact(i, 4321)),
		},
	];
	return { accounts, companies, lists };
}

/** Admins see their distributor, agents the users linked to them, users themselves. */
export function canSee(viewer: Account, target: UserRecord): boolean {
	if (viewer.user.user_id === target.user_id) return true;
	if (viewer.role === 'Admin') return target.dist_id === viewer.user.dist_id;
	if (viewer.role === 'Agent') return target.agent_id === viewer.user.user_id;
	return false;
}
