-- Reminders of a co-design plan: an action past its end date and neither
-- done nor dropped (kind action_late), or whose verification date has passed
-- with no verification recorded on or after it (verification_due), tells the
-- people who speak for its lead partner and the network's facilitators. The
-- rules are src/lib/plan/rollup.ts's isLate and isVerificationDue, today
-- being Rome's: change them together. Each reminder goes out once per action,
-- kind and date (plan_reminders keeps them): a date moved later is a new
-- deadline, worth a new reminder when it passes too.
--
-- send_plan_reminders() is run every hour by the app (as review reminders
-- are), and for an action as soon as it is projected, so a plan written with
-- a date already past reminds at once.

alter type public.notification_kind add value if not exists 'action_late';
alter type public.notification_kind add value if not exists 'verification_due';

-- The action a notification is about, so the inbox leads to its page. No foreign key: an
-- action taken out of the plan leaves its notifications leading to the plan.
alter table public.notifications add column plan_action_id uuid;

create table public.plan_reminders (
  document_id uuid not null references public.documents (id) on delete cascade,
  action_id uuid not null,
  -- A notification_kind, as text: the values are added in this same transaction.
  kind text not null check (kind in ('action_late', 'verification_due')),
  -- The end or verification date that passed.
  due_on date not null,
  sent_at timestamptz not null default now(),
  primary key (document_id, action_id, kind, due_on)
);
comment on table public.plan_reminders is 'The reminders sent about co-design plans'' actions, so each goes out once.';
-- Written and read only by send_plan_reminders(): no policy, no grant.
alter table public.plan_reminders enable row level security;

-- An action's status as its latest progress update says, not started without one
-- (rollup.ts's actionStates: the newest update, the smaller id first on a tie).
create or replace function public.plan_action_status(document uuid, action uuid)
returns public.plan_action_status
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return coalesce(
    (select p.status from public.plan_progress p
     where p.document_id = document and p.action_id = action
     order by p.posted_at desc, p.id
     limit 1),
    'not_started');
end;
$$;
revoke execute on function public.plan_action_status(uuid, uuid) from public;

-- Sends the reminders owed at `at`, for every plan (or one document's, or one
-- action's). Marking a reminder sent and notifying are one statement's work
-- and a reminder already marked is never picked again (a concurrent call
-- waits on the key, then finds it taken): each goes out once. An archived
-- document's plan reminds nobody. Returns how many reminders went out.
create or replace function public.send_plan_reminders(at timestamptz default now(), document uuid default null, action uuid default null)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  today date := (at at time zone 'Europe/Rome')::date;
  owed record;
  told uuid[];
  sent integer := 0;
begin
  for owed in
    with followed as (
      select a.document_id, a.id as action_id, a.network_id, a.lead_partner_id, a.title, a.ends_on, a.verification_on,
             public.plan_action_status(a.document_id, a.id) as status
      from public.plan_actions a
      join public.documents d on d.id = a.document_id
      where d.status <> 'archived'
        and (document is null or a.document_id = document)
        and (action is null or a.id = action)
        and (a.ends_on < today or a.verification_on < today)
    ),
    due as (
      select f.*, 'action_late' as kind, f.ends_on as due_on from followed f
      where f.ends_on < today and f.status not in ('done', 'dropped')
      union all
      select f.*, 'verification_due', f.verification_on from followed f
      where f.verification_on < today and f.status <> 'dropped'
        and not exists (
          select 1 from public.plan_verifications v
          where v.document_id = f.document_id and v.action_id = f.action_id
            and (v.recorded_at at time zone 'UTC')::date >= f.verification_on)
    ),
    marked as (
      insert into public.plan_reminders (document_id, action_id, kind, due_on)
      select due.document_id, due.action_id, due.kind, due.due_on from due
      on conflict do nothing
      returning plan_reminders.document_id, plan_reminders.action_id, plan_reminders.kind
    )
    select due.* from due join marked using (document_id, action_id, kind)
  loop
    told := public.send_notifications(
      array(
        select m.user_id from public.memberships m
        where m.network_id = owed.network_id
          and (m.role = 'facilitator' or (owed.lead_partner_id is not null and m.partner_id = owed.lead_partner_id))),
      '{}', owed.kind::public.notification_kind, owed.network_id, null, owed.title, document => owed.document_id);
    -- send_notifications() names documents, not actions; its rows of this kind, about this
    -- document, in this transaction, for these people and not yet tied, are exactly these.
    update public.notifications n set plan_action_id = owed.action_id
    where n.recipient_id = any (told) and n.document_id = owed.document_id and n.kind = owed.kind::public.notification_kind
      and n.plan_action_id is null and n.created_at = now();
    sent := sent + 1;
  end loop;
  return sent;
end;
$$;
revoke execute on function public.send_plan_reminders(timestamptz, uuid, uuid) from public;

-- An action projected with a date already past reminds at once, not at the next hourly round.
create or replace function public.plan_actions_remind()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.ends_on < (now() at time zone 'Europe/Rome')::date or new.verification_on < (now() at time zone 'Europe/Rome')::date then
    perform public.send_plan_reminders(now(), new.document_id, new.id);
  end if;
  return null;
end;
$$;
revoke execute on function public.plan_actions_remind() from public;
create trigger plan_actions_remind after insert or update of ends_on, verification_on, lead_partner_id on public.plan_actions
  for each row execute function public.plan_actions_remind();
