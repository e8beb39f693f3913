-- The follow-up of a co-design plan: progress updates on its actions and
-- the verifications of them, each an SQL row, append-only. The database
-- decides who writes them: progress by editors and facilitators who speak
-- for the action's lead or a contributing partner (as projected into
-- plan_actions), verifications by facilitators. The vocabulary is
-- src/lib/plan/plan.ts's: change them together.

create type public.plan_action_status as enum ('not_started', 'on_track', 'at_risk', 'late', 'done', 'dropped');
create type public.plan_verdict as enum ('achieved', 'partly', 'not_achieved');

create table public.plan_progress (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null,
  document_id uuid not null,
  -- An action of the document's plan when posted. No foreign key: an action taken out of
  -- the plan keeps its history.
  action_id uuid not null,
  status public.plan_action_status not null,
  percent smallint check (percent between 0 and 100),
  -- The indicators' new values, by indicator id: { "<uuid>": 12 }.
  indicator_values jsonb not null default '{}' check (jsonb_typeof(indicator_values) = 'object'),
  note text not null default '' check (char_length(note) <= 4000),
  -- Evidence from the network's file space.
  file_ids uuid[] not null default '{}' check (cardinality(file_ids) <= 10),
  posted_by uuid default auth.uid() references auth.users (id) on delete set null,
  posted_at timestamptz not null default now(),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade
);
comment on table public.plan_progress is 'Progress updates on the actions of co-design plans, append-only.';
create index plan_progress_action on public.plan_progress (document_id, action_id, posted_at desc);
alter table public.plan_progress enable row level security;

create table public.plan_verifications (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null,
  document_id uuid not null,
  action_id uuid not null,
  verdict public.plan_verdict not null,
  reason text not null check (char_length(reason) between 1 and 4000),
  -- What changes next, in words, and the new or revised action that carries it (an action
  -- of the same plan, whose revises_id names this one's action).
  next_step text not null default '' check (char_length(next_step) <= 4000),
  next_action_id uuid,
  recorded_by uuid default auth.uid() references auth.users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade
);
comment on table public.plan_verifications is 'The partners'' verdicts on the actions of co-design plans, recorded by facilitators, append-only.';
create index plan_verifications_action on public.plan_verifications (document_id, action_id, recorded_at desc);
alter table public.plan_verifications enable row level security;

-- Whether the person may post progress on an action: an editor or facilitator of the
-- network who speaks for its lead or for one of its contributing partners.
create or replace function public.may_post_progress(document uuid, action uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.plan_actions a
    where a.document_id = document and a.id = action
      and public.has_role(a.network_id, array['facilitator', 'editor']::public.network_role[])
      and exists (
        select 1 from public.memberships m
        where m.network_id = a.network_id and m.user_id = (select auth.uid())
          and m.partner_id is not null
          and (m.partner_id = a.lead_partner_id or m.partner_id = any (a.partner_ids))
      )
  );
$$;
revoke execute on function public.may_post_progress(uuid, uuid) from public;
grant execute on function public.may_post_progress(uuid, uuid) to authenticated;

-- Evidence must be files of the network's own space.
create or replace function public.network_files(network uuid, ids uuid[])
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select not exists (
    select 1 from unnest(ids) as f(id)
    where not exists (select 1 from public.files x where x.id = f.id and x.network_id = network)
  );
$$;
revoke execute on function public.network_files(uuid, uuid[]) from public;
grant execute on function public.network_files(uuid, uuid[]) to authenticated;

create policy plan_progress_select on public.plan_progress for select to authenticated
  using (public.is_member(network_id));
create policy plan_progress_insert on public.plan_progress for insert to authenticated
  with check (
    posted_by = (select auth.uid())
    and public.may_post_progress(document_id, action_id)
    and exists (select 1 from public.plan_actions a where a.document_id = plan_progress.document_id and a.id = action_id and a.network_id = plan_progress.network_id)
    and public.network_files(network_id, file_ids)
  );
create policy plan_verifications_select on public.plan_verifications for select to authenticated
  using (public.is_member(network_id));
create policy plan_verifications_insert on public.plan_verifications for insert to authenticated
  with check (
    recorded_by = (select auth.uid())
    and public.has_role(network_id, array['facilitator']::public.network_role[])
    and exists (select 1 from public.plan_actions a where a.document_id = plan_verifications.document_id and a.id = action_id and a.network_id = plan_verifications.network_id)
  );
grant select, insert on table public.plan_progress, public.plan_verifications to authenticated;

-- Nobody changes or erases these rows, not even the service; only the deletion of the
-- whole document or network takes them (its cascade runs after the document row is gone).
create or replace function public.keep_plan_record()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.documents d where d.id = old.document_id) then
    return old;
  end if;
  raise exception 'plan_record_immutable' using errcode = 'P0001';
end;
$$;
revoke execute on function public.keep_plan_record() from public;
create trigger plan_progress_append_only before update or delete on public.plan_progress
  for each row execute function public.keep_plan_record();
create trigger plan_progress_no_truncate before truncate on public.plan_progress
  for each statement execute function public.keep_plan_record();
create trigger plan_verifications_append_only before update or delete on public.plan_verifications
  for each row execute function public.keep_plan_record();
create trigger plan_verifications_no_truncate before truncate on public.plan_verifications
  for each statement execute function public.keep_plan_record();
