-- A community pact's commitments, projected from the document's Yjs state
-- (where they live and merge) into a table that summaries, gaps, the
-- partners' pages and the exports can ask. Only the collab server writes it,
-- with its service connection and after it has checked the writer's role;
-- the people of the network read it. The vocabulary is
-- src/lib/pact/commitment.ts's: change them together.

create table public.pact_commitments (
  document_id uuid not null,
  network_id uuid not null,
  -- Chosen by whoever created the commitment, unique within its document.
  id uuid not null,
  -- A partner removed from the network leaves its rows unattributed until the next projection, which
  -- writes only commitments of the network's partners (the pact's Yjs state keeps them all).
  partner_id uuid,
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '' check (char_length(description) <= 4000),
  system public.network_system not null,
  people integer check (people between 0 and 10000),
  hours integer check (hours between 0 and 1000000),
  spaces text not null default '' check (char_length(spaces) <= 500),
  euros numeric(12, 2) check (euros between 0 and 1000000000),
  equipment text not null default '' check (char_length(equipment) <= 500),
  starts_on date,
  ends_on date,
  contact text not null default '' check (char_length(contact) <= 300),
  -- Map entries (of the network's territorial maps) the commitment answers, and brings.
  need_ids uuid[] not null default '{}' check (cardinality(need_ids) <= 50),
  entry_ids uuid[] not null default '{}' check (cardinality(entry_ids) <= 50),
  updated_at timestamptz not null default now(),
  primary key (document_id, id),
  check (ends_on is null or starts_on is null or ends_on >= starts_on),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade,
  foreign key (partner_id, network_id) references public.partners (id, network_id)
    on delete set null (partner_id)
);
comment on table public.pact_commitments is 'The commitments of community pacts, projected by the collab server from each document''s Yjs state.';
create index pact_commitments_network on public.pact_commitments (network_id);
create index pact_commitments_partner on public.pact_commitments (partner_id) where partner_id is not null;
create index pact_commitments_needs on public.pact_commitments using gin (need_ids);
alter table public.pact_commitments enable row level security;

-- Read by the network's members. No policy writes: as the API roles nobody
-- inserts, changes or deletes a commitment here; they edit the document instead.
create policy pact_commitments_select on public.pact_commitments for select to authenticated
  using (public.is_member(network_id));

grant select on table public.pact_commitments to authenticated;
