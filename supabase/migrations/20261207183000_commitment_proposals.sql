-- Proposals of commitments for a community pact. A member who speaks for a
-- partner (speaks_for) and may comment on the pact — a public body's
-- official is often a commenter, read-only on the collab socket — proposes
-- a commitment for that partner as a row here; an editor or facilitator who
-- may write the pact takes it in (the app then writes it into the pact's
-- Yjs state, under the proposal's own id, so a retry never duplicates it)
-- or declines it with a reason the proposer is shown.
--
-- Rows are inserted as the person under the policy below; nobody updates or
-- deletes them directly: decide_commitment_proposal() decides, and a
-- decided proposal never changes again, for any connection (a trigger).
-- `content` holds the commitment's fields but its id and partner (the row's
-- id and partner_id), as src/lib/pact/commitment.ts names them; every reader
-- checks it again with checkCommitment.

create type public.commitment_proposal_status as enum ('pending', 'accepted', 'declined');

create table public.commitment_proposals (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null,
  document_id uuid not null,
  -- Null once the partner has been removed from the network: the proposal stays, and can only be declined.
  partner_id uuid,
  proposed_by uuid default auth.uid() references auth.users (id) on delete set null,
  proposed_at timestamptz not null default now(),
  content jsonb not null check (
    jsonb_typeof(content) = 'object'
    and char_length(coalesce(content ->> 'title', '')) between 1 and 200
    and octet_length(content::text) <= 32768
  ),
  status public.commitment_proposal_status not null default 'pending',
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  decline_reason text check (decline_reason is null or char_length(decline_reason) between 1 and 1000),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade,
  foreign key (partner_id, network_id) references public.partners (id, network_id) on delete set null (partner_id),
  check ((status = 'pending') = (decided_at is null)),
  check ((status = 'declined') = (decline_reason is not null))
);
comment on table public.commitment_proposals is 'Commitments proposed for a community pact by a member who speaks for a partner, and the decision on each.';
create index commitment_proposals_document on public.commitment_proposals (document_id, proposed_at desc);
create index commitment_proposals_network on public.commitment_proposals (network_id);
create index commitment_proposals_partner on public.commitment_proposals (partner_id) where partner_id is not null;
alter table public.commitment_proposals enable row level security;

-- Whether the person may propose commitments on this document: a community
-- pact they may comment on (not archived; facilitator, editor or commenter).
-- Whom they speak for is speaks_for()'s question.
create or replace function public.may_propose_commitment(document uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (select 1 from public.documents d where d.id = document and d.kind = 'community_pact')
    and public.may_comment(document);
end;
$$;
revoke execute on function public.may_propose_commitment(uuid) from public;
grant execute on function public.may_propose_commitment(uuid) to authenticated;

create policy commitment_proposals_select on public.commitment_proposals for select to authenticated
  using (public.is_member(network_id));

create policy commitment_proposals_insert on public.commitment_proposals for insert to authenticated
  with check (
    proposed_by = (select auth.uid())
    and status = 'pending' and decided_by is null and decided_at is null and decline_reason is null
    and public.speaks_for(partner_id)
    and public.may_propose_commitment(document_id)
  );

grant select on table public.commitment_proposals to authenticated;
-- The id may be chosen by the form, so that sending it twice proposes once.
grant insert (id, network_id, document_id, partner_id, content) on table public.commitment_proposals to authenticated;

-- Once decided, a proposal never changes: only the nulls its foreign keys
-- write when a partner or an account goes. While pending, only a decision
-- changes it. For every connection, the service's included.
create or replace function public.commitment_proposals_frozen()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.id, new.network_id, new.document_id, new.proposed_at, new.content)
       is distinct from (old.id, old.network_id, old.document_id, old.proposed_at, old.content)
     or (new.partner_id is not null and new.partner_id is distinct from old.partner_id)
     or (new.proposed_by is not null and new.proposed_by is distinct from old.proposed_by)
     or (old.status <> 'pending' and (
          (new.status, new.decided_at, new.decline_reason) is distinct from (old.status, old.decided_at, old.decline_reason)
          or (new.decided_by is not null and new.decided_by is distinct from old.decided_by)))
  then
    raise exception 'commitment_proposal_decided' using errcode = 'P0001',
      hint = 'A proposal changes only once, when it is decided; its content never changes.';
  end if;
  return new;
end;
$$;
create trigger commitment_proposals_frozen before update on public.commitment_proposals
  for each row execute function public.commitment_proposals_frozen();

-- Only plpgsql bodies below name the new values, so none is used in the transaction that adds it.
alter type public.notification_kind add value if not exists 'commitment_proposed';
alter type public.notification_kind add value if not exists 'commitment_accepted';
alter type public.notification_kind add value if not exists 'commitment_declined';
alter type public.activity_action add value if not exists 'commitment_proposed';
alter type public.activity_action add value if not exists 'commitment_accepted';
alter type public.activity_action add value if not exists 'commitment_declined';

-- What the activity record keeps of a proposal: the pact is the subject,
-- the commitment's title, its partner and a decline's reason the details.
create or replace function public.commitment_proposal_details(proposal public.commitment_proposals, reason text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return jsonb_strip_nulls(jsonb_build_object(
    'proposal', proposal.id,
    'title', proposal.content ->> 'title',
    'partner', (select p.name from public.partners p where p.id = proposal.partner_id),
    'reason', reason
  ));
end;
$$;
revoke execute on function public.commitment_proposal_details(public.commitment_proposals, text) from public;

-- A new proposal is recorded, and the pact's editors and facilitators told.
create or replace function public.commitment_proposals_proposed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := coalesce((select auth.uid()), new.proposed_by);
begin
  perform public.record_activity(new.network_id, actor, 'commitment_proposed', new.document_id,
    (select d.title from public.documents d where d.id = new.document_id), public.commitment_proposal_details(new));
  perform public.send_notifications(
    array(select m.user_id from public.memberships m
          where m.network_id = new.network_id and m.role in ('facilitator', 'editor')),
    '{}', 'commitment_proposed', new.network_id, actor, new.content ->> 'title', document => new.document_id);
  return null;
end;
$$;
revoke execute on function public.commitment_proposals_proposed() from public;
create trigger commitment_proposals_proposed after insert on public.commitment_proposals
  for each row execute function public.commitment_proposals_proposed();

-- The proposal, locked, if the person may decide it now: an editor or a
-- facilitator of its network who may write its pact (not approved or
-- archived), and it is still pending; to accept it, its partner must still
-- be in the network. The app asks this before it writes an accepted
-- commitment into the pact, then records the decision with
-- decide_commitment_proposal(), which asks it again.
create or replace function public.commitment_proposal_to_decide(proposal uuid, accepting boolean)
returns public.commitment_proposals
language plpgsql
security definer
set search_path = ''
as $$
declare
  found public.commitment_proposals;
begin
  select * into found from public.commitment_proposals p where p.id = proposal for update;
  if found.id is null or not public.is_member(found.network_id) then
    raise exception 'commitment_proposal_not_found' using errcode = 'P0002',
      hint = 'There is no such proposal in a network of yours.';
  end if;
  if not (public.has_role(found.network_id, '{facilitator,editor}') and public.may_write_document(found.document_id)) then
    raise exception 'commitment_proposal_refused' using errcode = '42501',
      hint = 'Only an editor or a facilitator decides on proposals, while the pact may be written (not approved or archived).';
  end if;
  if found.status <> 'pending' then
    raise exception 'commitment_proposal_decided' using errcode = 'P0001',
      hint = 'This proposal was already accepted or declined.';
  end if;
  if accepting and found.partner_id is null then
    raise exception 'commitment_proposal_partner_gone' using errcode = 'P0001',
      hint = 'Its partner was removed from the network: the proposal can only be declined.';
  end if;
  return found;
end;
$$;
revoke execute on function public.commitment_proposal_to_decide(uuid, boolean) from public;
grant execute on function public.commitment_proposal_to_decide(uuid, boolean) to authenticated;

-- Accepts or declines a pending proposal as the person signed in (see
-- commitment_proposal_to_decide for who may); declining needs a reason. The
-- decision is recorded and the proposer told, a decline with its reason.
create or replace function public.decide_commitment_proposal(proposal uuid, accept boolean, reason text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  decided public.commitment_proposals;
  said text := nullif(btrim(coalesce(reason, '')), '');
begin
  decided := public.commitment_proposal_to_decide(proposal, accept);
  if accept then
    said := null;
  elsif said is null then
    raise exception 'commitment_proposal_reason_required' using errcode = 'P0001',
      hint = 'Say why the proposal is declined: its proposer is shown the reason.';
  elsif char_length(said) > 1000 then
    raise exception 'commitment_proposal_reason_length' using errcode = 'P0001',
      hint = 'A reason has at most 1000 characters.';
  end if;
  update public.commitment_proposals p
  set status = case when accept then 'accepted' else 'declined' end::public.commitment_proposal_status,
      decided_by = me, decided_at = now(), decline_reason = said
  where p.id = decided.id;
  perform public.record_activity(decided.network_id, me,
    case when accept then 'commitment_accepted' else 'commitment_declined' end::public.activity_action,
    decided.document_id, (select d.title from public.documents d where d.id = decided.document_id),
    public.commitment_proposal_details(decided, said));
  perform public.send_notifications(array[decided.proposed_by], '{}',
    case when accept then 'commitment_accepted' else 'commitment_declined' end::public.notification_kind,
    decided.network_id, me, coalesce(said, decided.content ->> 'title'), document => decided.document_id);
end;
$$;
revoke execute on function public.decide_commitment_proposal(uuid, boolean, text) from public;
grant execute on function public.decide_commitment_proposal(uuid, boolean, text) to authenticated;
