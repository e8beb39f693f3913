// The kinds and statuses of a document, mirroring the SQL enums document_kind
// and document_status (supabase/migrations/20261123100000_documents.sql):
// the database refuses anything else, so change both together.
export const DOCUMENT_KINDS = ['territorial_map', 'community_pact', 'co_design', 'free', 'minutes'] as const;
export const DOCUMENT_STATUSES = ['draft', 'in_review', 'approved', 'archived'] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
