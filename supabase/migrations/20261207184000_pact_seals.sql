-- A community pact's sealed versions, the partners' adhesions to them, and
-- what Trama read from a digitally signed adhesion document. These are
-- formal acts, not co-written content: SQL rows that nobody changes or
-- erases, not even the service (a trigger refuses every update and delete).
-- A withdrawal is a new row that names the adhesion it withdraws.
--
-- Who may do what is decided here:
-- - sealing: only the network's facilitator, only a community pact. The
--   server asks check_pact_sealing as the person, then reads the room's state
--   and computes the fingerprint itself, and writes the row with its own
--   connection (no API role may insert a seal: a fingerprint is never taken
--   from a browser);
-- - adhering and withdrawing: adhere_to_pact and withdraw_adhesion, asked as
--   the person, refuse anyone who does not speak_for the partner, a second
--   adhesion while one stands, a seal of another network, a file of another
--   network, each with a named error the app words;
-- - reminding: remind_pending_partners, the facilitator only.
--
-- What deletion does: a pact with sealed versions cannot be deleted (it can
-- be archived), since partners adhered to it; deleting the whole network
-- takes everything of it, this record included, as it takes its activity
-- record. A partner removed from the network keeps its adhesions: the row
-- keeps the partner's id and name, with no foreign key that would change it.

alter type public.activity_action add value if not exists 'pact_sealed';
alter type public.activity_action add value if not exists 'pact_adhered';
alter type public.activity_action add value if not exists 'pact_withdrawn';
alter type public.notification_kind add value if not exists 'pact_sealed';
alter type public.notification_kind add value if not exists 'pact_adhered';
alter type public.notification_kind add value if not exists 'pact_withdrawn';
alter type public.notification_kind add value if not exists 'adhesion_reminder';

create type public.adhesion_kind as enum ('adhesion', 'withdrawal');
create type public.signer_title as enum ('legal_representative', 'delegate', 'other');
create type public.adhesion_act_kind as enum ('delibera', 'determina', 'decreto', 'other');

create table public.pact_seals (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  document_id uuid not null,
  -- 1 for the first version sealed of the document, then 2, 3…
  number integer not null check (number >= 1),
  title text not null check (char_length(title) between 1 and 300),
  state bytea not null,
  -- The canonical export (src/lib/pact/fingerprint.ts) and its SHA-256.
  canonical_text text not null,
  fingerprint char(64) not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  -- No foreign key: the record outlives accounts, and keeps who sealed it.
  sealed_by uuid not null,
  sealed_by_name text not null default '',
  sealed_at timestamptz not null default now(),
  unique (document_id, number),
  unique (id, network_id),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade
);
comment on table public.pact_seals is 'Sealed versions of community pacts, immutable, written by the server after check_pact_sealing.';
create index pact_seals_network on public.pact_seals (network_id);
alter table public.pact_seals enable row level security;

create table public.pact_adhesions (
  id uuid primary key default gen_random_uuid(),
  seal_id uuid not null,
  network_id uuid not null,
  -- The partner and its name when the row was written; no foreign key, so a
  -- partner removed from the network keeps its adhesions on the register.
  partner_id uuid not null,
  partner_name text not null,
  kind public.adhesion_kind not null,
  -- A withdrawal names the adhesion it withdraws and says why.
  withdraws uuid references public.pact_adhesions (id) on delete cascade,
  reason text check (char_length(reason) <= 2000),
  recorded_by uuid not null,
  signer_name text check (char_length(signer_name) between 2 and 200),
  signer_title public.signer_title,
  adhered_on date,
  act_kind public.adhesion_act_kind,
  act_number text check (char_length(act_number) <= 50),
  act_date date,
  reservations text not null default '' check (char_length(reservations) <= 4000),
  -- A file of the network's file space (checked on insert; it may later go to the bin).
  file_id uuid,
  created_at timestamptz not null default now(),
  foreign key (seal_id, network_id) references public.pact_seals (id, network_id) on delete cascade,
  check (
    (kind = 'adhesion' and withdraws is null and reason is null and signer_name is not null
       and signer_title is not null and adhered_on is not null)
    or (kind = 'withdrawal' and withdraws is not null and char_length(btrim(reason)) between 1 and 2000
       and signer_name is null and act_kind is null and file_id is null)
  ),
  check ((act_kind is null) = (act_number is null) and (act_kind is not null or act_date is null))
);
comment on table public.pact_adhesions is 'Adhesions of partners to sealed pacts and their withdrawals; append-only.';
create index pact_adhesions_seal on public.pact_adhesions (seal_id, partner_id, created_at);
create index pact_adhesions_network on public.pact_adhesions (network_id);
-- At most one withdrawal of each adhesion.
create unique index pact_adhesions_withdrawn_once on public.pact_adhesions (withdraws) where withdraws is not null;
alter table public.pact_adhesions enable row level security;

create table public.adhesion_signatures (
  id uuid primary key default gen_random_uuid(),
  adhesion_id uuid not null references public.pact_adhesions (id) on delete cascade,
  network_id uuid not null references public.networks (id) on delete cascade,
  format text not null check (format in ('p7m', 'pdf', 'unsigned')),
  signer_name text check (char_length(signer_name) <= 300),
  signed_at timestamptz,
  -- The signature verifies over the signed content (no trust list is checked: offline).
  intact boolean not null,
  -- The signed content is this sealed version (its fingerprint is in it).
  matches_fingerprint boolean not null,
  problem text check (char_length(problem) <= 1000),
  checked_at timestamptz not null default now()
);
comment on table public.adhesion_signatures is 'What the server read from the digitally signed document of an adhesion; append-only.';
create index adhesion_signatures_adhesion on public.adhesion_signatures (adhesion_id, checked_at desc);
alter table public.adhesion_signatures enable row level security;

-- Nobody changes or erases these rows, not even the service; only the
-- deletion of the whole network takes them (its cascade runs after the
-- network row is gone).
create or replace function public.keep_pact_record()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.networks n where n.id = old.network_id) then
    return old;
  end if;
  raise exception 'pact_record_immutable' using errcode = 'P0001';
end;
$$;
revoke execute on function public.keep_pact_record() from public;
create trigger pact_seals_immutable before update or delete on public.pact_seals
  for each row execute function public.keep_pact_record();
create trigger pact_seals_no_truncate before truncate on public.pact_seals
  for each statement execute function public.keep_pact_record();
create trigger pact_adhesions_append_only before update or delete on public.pact_adhesions
  for each row execute function public.keep_pact_record();
create trigger pact_adhesions_no_truncate before truncate on public.pact_adhesions
  for each statement execute function public.keep_pact_record();
create trigger adhesion_signatures_append_only before update or delete on public.adhesion_signatures
  for each row execute function public.keep_pact_record();
create trigger adhesion_signatures_no_truncate before truncate on public.adhesion_signatures
  for each statement execute function public.keep_pact_record();

-- A pact that partners were asked to adhere to is archived, never deleted.
create or replace function public.keep_sealed_pacts()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (select 1 from public.networks n where n.id = old.network_id)
     and exists (select 1 from public.pact_seals s where s.document_id = old.id) then
    raise exception 'pact_has_seals' using errcode = 'P0001';
  end if;
  return old;
end;
$$;
revoke execute on function public.keep_sealed_pacts() from public;
create trigger documents_keep_sealed_pacts before delete on public.documents
  for each row execute function public.keep_sealed_pacts();

-- Only a community pact is sealed, with the number that follows its last.
create or replace function public.pact_seals_rules()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.documents d
    where d.id = new.document_id and d.network_id = new.network_id and d.kind = 'community_pact'
  ) then
    raise exception 'seal_not_pact' using errcode = 'P0001';
  end if;
  if new.number <> coalesce((select max(s.number) from public.pact_seals s where s.document_id = new.document_id), 0) + 1 then
    raise exception 'seal_number' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke execute on function public.pact_seals_rules() from public;
create trigger pact_seals_rules before insert on public.pact_seals
  for each row execute function public.pact_seals_rules();

-- The members read every sealed version, adhesion and signature check of
-- their network. No policy writes: see the functions below.
create policy pact_seals_select on public.pact_seals for select to authenticated
  using (public.is_member(network_id));
create policy pact_adhesions_select on public.pact_adhesions for select to authenticated
  using (public.is_member(network_id));
create policy adhesion_signatures_select on public.adhesion_signatures for select to authenticated
  using (public.is_member(network_id));
grant select on table public.pact_seals, public.pact_adhesions, public.adhesion_signatures to authenticated;

-- Asked as the person before the server reads the pact's state to seal it:
-- raises unless they are the facilitator of the network of this community
-- pact. Returns the network.
create or replace function public.check_pact_sealing(document uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  found record;
begin
  select d.network_id, d.kind into found from public.documents d where d.id = document;
  if found is null or not public.is_member(found.network_id) then
    raise exception 'seal_not_found' using errcode = 'P0001';
  end if;
  if found.kind <> 'community_pact' then
    raise exception 'seal_not_pact' using errcode = 'P0001';
  end if;
  if not public.has_role(found.network_id, '{facilitator}') then
    raise exception 'seal_not_facilitator' using errcode = 'P0001';
  end if;
  return found.network_id;
end;
$$;
revoke execute on function public.check_pact_sealing(uuid) from public;
grant execute on function public.check_pact_sealing(uuid) to authenticated;

-- The adhesion that stands for a partner on a seal: the one not withdrawn.
create or replace function public.standing_adhesion(seal uuid, partner uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (
    select a.id from public.pact_adhesions a
    where a.seal_id = seal and a.partner_id = partner and a.kind = 'adhesion'
      and not exists (select 1 from public.pact_adhesions w where w.withdraws = a.id)
    limit 1
  );
end;
$$;
revoke execute on function public.standing_adhesion(uuid, uuid) from public;

-- The checks common to adhering and withdrawing; locks the seal, so two
-- adhesions of one partner sent at once are taken one after the other.
create or replace function public.adhesion_seal(network uuid, seal uuid, partner uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception 'not_authenticated' using errcode = 'P0001';
  end if;
  perform 1 from public.pact_seals s where s.id = seal and s.network_id = network and public.is_member(network) for update;
  if not found then
    raise exception 'adhesion_not_sealed' using errcode = 'P0001';
  end if;
  if not public.speaks_for(partner)
     or not exists (select 1 from public.partners p where p.id = partner and p.network_id = network) then
    raise exception 'adhesion_not_speaking_for' using errcode = 'P0001';
  end if;
end;
$$;
revoke execute on function public.adhesion_seal(uuid, uuid, uuid) from public;

-- Records, as the person, the adhesion of `partner` to the sealed version `seal`.
create or replace function public.adhere_to_pact(
  network uuid,
  seal uuid,
  partner uuid,
  signer_name text,
  signer_title public.signer_title,
  adhered_on date,
  act_kind public.adhesion_act_kind default null,
  act_number text default null,
  act_date date default null,
  reservations text default '',
  file uuid default null
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  kept uuid;
begin
  perform public.adhesion_seal(network, seal, partner);
  if public.standing_adhesion(seal, partner) is not null then
    raise exception 'adhesion_already' using errcode = 'P0001';
  end if;
  if file is not null and not exists (
    select 1 from public.files f where f.id = file and f.network_id = network and f.deleted_at is null
  ) then
    raise exception 'adhesion_file_invalid' using errcode = 'P0001';
  end if;
  if adhere_to_pact.adhered_on > (now() at time zone 'Europe/Rome')::date + 1 then
    raise exception 'adhesion_date_future' using errcode = 'P0001';
  end if;
  if adhere_to_pact.act_date is not null and adhere_to_pact.act_date > adhere_to_pact.adhered_on then
    raise exception 'adhesion_act_after' using errcode = 'P0001';
  end if;
  insert into public.pact_adhesions (seal_id, network_id, partner_id, partner_name, kind, recorded_by, signer_name,
    signer_title, adhered_on, act_kind, act_number, act_date, reservations, file_id)
  -- The parameters are named as the person's words; qualified, so no column of the same name is taken for one.
  select seal, network, p.id, p.name, 'adhesion', (select auth.uid()), btrim(adhere_to_pact.signer_name),
    adhere_to_pact.signer_title, adhere_to_pact.adhered_on, adhere_to_pact.act_kind, nullif(btrim(adhere_to_pact.act_number), ''),
    adhere_to_pact.act_date, btrim(coalesce(adhere_to_pact.reservations, '')), file
  from public.partners p where p.id = partner and p.network_id = network
  returning id into kept;
  return kept;
end;
$$;
revoke execute on function public.adhere_to_pact(uuid, uuid, uuid, text, public.signer_title, date, public.adhesion_act_kind, text, date, text, uuid) from public;
grant execute on function public.adhere_to_pact(uuid, uuid, uuid, text, public.signer_title, date, public.adhesion_act_kind, text, date, text, uuid) to authenticated;

-- Withdraws, as the person, the adhesion of `partner` that stands on `seal`.
create or replace function public.withdraw_adhesion(network uuid, seal uuid, partner uuid, reason text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  standing uuid;
  kept uuid;
begin
  perform public.adhesion_seal(network, seal, partner);
  standing := public.standing_adhesion(seal, partner);
  if standing is null then
    raise exception 'adhesion_none_standing' using errcode = 'P0001';
  end if;
  if char_length(btrim(coalesce(withdraw_adhesion.reason, ''))) = 0 then
    raise exception 'withdrawal_reason_required' using errcode = 'P0001';
  end if;
  insert into public.pact_adhesions (seal_id, network_id, partner_id, partner_name, kind, withdraws, reason, recorded_by)
  select seal, network, a.partner_id, a.partner_name, 'withdrawal', standing, btrim(withdraw_adhesion.reason), (select auth.uid())
  from public.pact_adhesions a where a.id = standing
  returning id into kept;
  return kept;
end;
$$;
revoke execute on function public.withdraw_adhesion(uuid, uuid, uuid, text) from public;
grant execute on function public.withdraw_adhesion(uuid, uuid, uuid, text) to authenticated;

-- The people who speak for the partners of the network with no adhesion
-- standing on `seal`, told again by the facilitator. Returns how many.
create or replace function public.remind_pending_partners(seal uuid)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  sealed record;
  told uuid[];
begin
  select s.network_id, s.document_id into sealed from public.pact_seals s where s.id = seal;
  if sealed is null or not public.has_role(sealed.network_id, '{facilitator}') then
    raise exception 'reminder_not_facilitator' using errcode = 'P0001';
  end if;
  told := public.send_notifications(array(
    select m.user_id from public.memberships m
    join public.partners p on p.id = m.partner_id
    where m.network_id = sealed.network_id and public.standing_adhesion(seal, p.id) is null
  ), '{}', 'adhesion_reminder', sealed.network_id, (select auth.uid()), '', document => sealed.document_id);
  return cardinality(told);
end;
$$;
revoke execute on function public.remind_pending_partners(uuid) from public;
grant execute on function public.remind_pending_partners(uuid) to authenticated;

-- The activity record and notifications: a seal tells every member, an
-- adhesion or a withdrawal the facilitators.
create or replace function public.pact_seals_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform public.record_activity(new.network_id, new.sealed_by, 'pact_sealed', new.document_id, new.title,
    jsonb_build_object('seal', new.id, 'number', new.number));
  perform public.send_notifications(array(select m.user_id from public.memberships m where m.network_id = new.network_id),
    '{}', 'pact_sealed', new.network_id, new.sealed_by, '', document => new.document_id);
  return null;
end;
$$;
revoke execute on function public.pact_seals_activity() from public;
create trigger pact_seals_activity after insert on public.pact_seals
  for each row execute function public.pact_seals_activity();

create or replace function public.pact_adhesions_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  sealed record;
  adhered boolean := new.kind = 'adhesion';
begin
  select s.document_id, s.title, s.number into sealed from public.pact_seals s where s.id = new.seal_id;
  perform public.record_activity(new.network_id, new.recorded_by,
    (case when adhered then 'pact_adhered' else 'pact_withdrawn' end)::public.activity_action,
    sealed.document_id, sealed.title,
    jsonb_strip_nulls(jsonb_build_object('seal', new.seal_id, 'number', sealed.number, 'partner', new.partner_name,
      'reason', new.reason)));
  perform public.send_notifications(array(
      select m.user_id from public.memberships m where m.network_id = new.network_id and m.role = 'facilitator'),
    '{}', (case when adhered then 'pact_adhered' else 'pact_withdrawn' end)::public.notification_kind,
    new.network_id, new.recorded_by, new.partner_name, document => sealed.document_id);
  return null;
end;
$$;
revoke execute on function public.pact_adhesions_activity() from public;
create trigger pact_adhesions_activity after insert on public.pact_adhesions
  for each row execute function public.pact_adhesions_activity();
