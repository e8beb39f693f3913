// The vocabulary of a network, shared by the server's validation and the pages' choices.
export const ROLES = ['facilitator', 'editor', 'commenter', 'viewer'] as const;
export const PHASES = ['launch', 'mapping', 'programming', 'design', 'implementation', 'evaluation'] as const;
/** The four systems a job-placement network joins. */
export const SYSTEMS = ['health', 'social', 'training', 'employment'] as const;
export const PARTNER_KINDS = [
	'ets',
	'social_coop_a',
	'social_coop_b',
	'association',
	'local_authority',
	'health_service',
	'job_centre',
	'training_body',
	'school',
	'company',
	'other'
] as const;

export type Role = (typeof ROLES)[number];
export type Phase = (typeof PHASES)[number];
export type NetworkSystem = (typeof SYSTEMS)[number];
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** A person in a network, as the pages show them. */
export interface Member {
	userId: string;
	displayName: string;
	organisation: string;
	email: string;
	role: Role;
	partnerId: string | null;
	partnerName: string | null;
}

/** An organisation taking part in a network. */
export interface Partner {
	id: string;
	name: string;
	kind: PartnerKind;
	/** The systems it works in: one or more, each once, in the order of SYSTEMS. */
	systems: NetworkSystem[];
	description: string;
	address: string;
	/** http(s) only, or ''. */
	website: string;
	/** Who to ask, and how to reach them. */
	contactPerson: string;
	legalRepresentative: string;
	/** Codice fiscale or partita IVA, upper case, or ''. */
	taxCode: string;
}
