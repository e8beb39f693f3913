-- A co-design document's plan, projected from the document's Yjs state
-- (where it lives and merges) into tables that the views, the follow-up,
-- the reminders and the exports can ask. Only the collab server writes
-- them, with its service connection and after it has checked the writer's
-- role; the people of the network read them. The vocabulary is
-- src/lib/plan/plan.ts's: change them together.

create table public.plan_objectives (
  document_id uuid not null,
  network_id uuid not null,
  id uuid not null,
  level text not null check (level in ('general', 'specific')),
  -- The general objective a specific one serves (an id of the same document's objectives).
  parent_id uuid,
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '' check (char_length(description) <= 4000),
  -- Needs of the network's territorial maps the objective addresses.
  need_ids uuid[] not null default '{}' check (cardinality(need_ids) <= 50),
  updated_at timestamptz not null default now(),
  primary key (document_id, id),
  check ((level = 'general') = (parent_id is null)),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade
);
comment on table public.plan_objectives is 'The objectives of co-design plans, projected by the collab server from each document''s Yjs state.';
create index plan_objectives_network on public.plan_objectives (network_id);
alter table public.plan_objectives enable row level security;

create table public.plan_actions (
  document_id uuid not null,
  network_id uuid not null,
  id uuid not null,
  objective_id uuid not null,
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '' check (char_length(description) <= 4000),
  -- A partner removed from the network leaves its actions without a lead: the plan's
  -- Yjs state keeps the id, and the pages mark the action until someone names another.
  lead_partner_id uuid,
  -- Contributing partners: only the network's, as the projection writes them.
  partner_ids uuid[] not null default '{}' check (cardinality(partner_ids) <= 50),
  system public.network_system not null,
  starts_on date,
  ends_on date,
  people integer check (people between 0 and 10000),
  hours integer check (hours between 0 and 1000000),
  euros_public numeric(12, 2) check (euros_public between 0 and 1000000000),
  euros_own numeric(12, 2) check (euros_own between 0 and 1000000000),
  euros_other numeric(12, 2) check (euros_other between 0 and 1000000000),
  outputs text not null default '' check (char_length(outputs) <= 2000),
  -- [{ id, name, baseline, target, unit }], checked by the projection (src/lib/plan/check.ts).
  indicators jsonb not null default '[]' check (jsonb_typeof(indicators) = 'array' and jsonb_array_length(indicators) <= 20),
  verification_how text not null default '' check (char_length(verification_how) <= 500),
  verification_by text not null default '' check (char_length(verification_by) <= 500),
  verification_on date,
  -- Commitments of the network's pacts the action carries out.
  commitment_ids uuid[] not null default '{}' check (cardinality(commitment_ids) <= 50),
  -- The action it revises after a verification (an id of the same document's actions).
  revises_id uuid,
  updated_at timestamptz not null default now(),
  primary key (document_id, id),
  check (ends_on is null or starts_on is null or ends_on >= starts_on),
  check (revises_id is distinct from id),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade,
  foreign key (lead_partner_id, network_id) references public.partners (id, network_id)
    on delete set null (lead_partner_id)
);
comment on table public.plan_actions is 'The actions of co-design plans, projected by the collab server from each document''s Yjs state.';
create index plan_actions_network on public.plan_actions (network_id);
create index plan_actions_lead on public.plan_actions (lead_partner_id) where lead_partner_id is not null;
create index plan_actions_partners on public.plan_actions using gin (partner_ids);
create index plan_actions_ends on public.plan_actions (ends_on) where ends_on is not null;
alter table public.plan_actions enable row level security;

-- Read by the network's members. No policy writes: as the API roles nobody
-- inserts, changes or deletes a plan's rows here; they edit the document instead.
create policy plan_objectives_select on public.plan_objectives for select to authenticated
  using (public.is_member(network_id));
create policy plan_actions_select on public.plan_actions for select to authenticated
  using (public.is_member(network_id));

grant select on table public.plan_objectives, public.plan_actions to authenticated;
