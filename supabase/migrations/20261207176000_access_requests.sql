-- Asking for more access. A member who may not do something (a viewer who
-- would comment, a commenter who would edit) asks the network's
-- facilitators for a role above their own, with an optional short message;
-- every facilitator is told, and one of them grants or declines it. A grant
-- changes the membership with the very update a facilitator makes on the
-- members page, so the activity record (member_role_changed) and the open
-- sockets' recheck (announced by that entry) follow exactly as there; the
-- decision itself is recorded too, and the requester is told the outcome.
--
-- Rows are written only by request_access() and decide_access_request():
-- nobody has a grant to insert, change or delete them. A request belongs to
-- its requester's membership: leaving the network takes their requests (and
-- the notifications about them) along; the activity record keeps what was
-- decided.

create type public.access_request_status as enum ('pending', 'granted', 'declined');

create table public.access_requests (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null,
  requester_id uuid not null,
  role public.network_role not null,
  message text not null default '' check (char_length(message) <= 500),
  status public.access_request_status not null default 'pending',
  created_at timestamptz not null default now(),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  foreign key (network_id, requester_id) references public.memberships (network_id, user_id) on delete cascade,
  check ((status = 'pending') = (decided_at is null))
);
comment on table public.access_requests is 'A member''s request for a higher role in a network, and the facilitators'' decision.';
-- One request waits at a time per person and network.
create unique index access_requests_one_pending on public.access_requests (network_id, requester_id) where status = 'pending';
create index access_requests_network on public.access_requests (network_id, created_at desc);
create index access_requests_requester on public.access_requests (requester_id);
alter table public.access_requests enable row level security;

-- The requester sees their own; the network's facilitators see all of the network's.
create policy access_requests_select on public.access_requests for select to authenticated
  using (requester_id = (select auth.uid()) or public.has_role(network_id, '{facilitator}'));
grant select on table public.access_requests to authenticated;

-- The notifications about a request name it, so the inbox can show its state and offer the decision.
alter table public.notifications add column access_request_id uuid references public.access_requests (id) on delete cascade;
create index notifications_access_request on public.notifications (access_request_id) where access_request_id is not null;

-- Only plpgsql bodies below name the new values, so none is used in the transaction that adds it.
alter type public.notification_kind add value if not exists 'access_requested';
alter type public.notification_kind add value if not exists 'access_decided';
alter type public.activity_action add value if not exists 'access_granted';
alter type public.activity_action add value if not exists 'access_declined';

-- The network's facilitators, who decide requests.
create or replace function public.network_facilitators(network uuid)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return array(select m.user_id from public.memberships m where m.network_id = network and m.role = 'facilitator');
end;
$$;
revoke execute on function public.network_facilitators(uuid) from public;

-- Tells `recipients` about a request, as send_notifications() tells anyone
-- (members only, never the actor, not if muted), and ties the notifications
-- it wrote to the request: send_notifications() names threads and documents,
-- not requests, and its rows of this kind, by this actor, in this
-- transaction, for these people, are exactly those.
create or replace function public.notify_access_request(
  request uuid,
  recipients uuid[],
  about public.notification_kind,
  actor uuid,
  body text
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  network uuid := (select r.network_id from public.access_requests r where r.id = request);
  told uuid[];
begin
  told := public.send_notifications(recipients, '{}', about, network, actor, body);
  update public.notifications n set access_request_id = request
  where n.recipient_id = any (told) and n.network_id = network and n.kind = about
    and n.actor_id is not distinct from actor and n.access_request_id is null and n.created_at = now();
end;
$$;
revoke execute on function public.notify_access_request(uuid, uuid[], public.notification_kind, uuid, text) from public;

-- Asks, as the person signed in, for `wanted` in `network`: only a member,
-- only for a role above the one they hold (roles are declared from the most
-- to the least, so that is one that sorts before it), one waiting request
-- at a time. Returns the request's id.
create or replace function public.request_access(network uuid, wanted public.network_role, message text default '')
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  held public.network_role;
  made uuid;
  said text := btrim(coalesce(message, ''));
begin
  select m.role into held from public.memberships m where m.network_id = network and m.user_id = me;
  if held is null then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  if wanted >= held then
    raise exception 'access_role_held' using errcode = 'P0001';
  end if;
  if char_length(said) > 500 then
    raise exception 'access_message_length' using errcode = 'P0001';
  end if;
  if exists (
    select 1 from public.access_requests r
    where r.network_id = network and r.requester_id = me and r.status = 'pending'
  ) then
    raise exception 'access_request_pending' using errcode = 'P0001';
  end if;
  begin
    insert into public.access_requests (network_id, requester_id, role, message)
    values (network, me, wanted, said)
    returning id into made;
  exception when unique_violation then
    -- Another request of theirs arrived in the meantime.
    raise exception 'access_request_pending' using errcode = 'P0001';
  end;
  perform public.notify_access_request(made, public.network_facilitators(network), 'access_requested', me, said);
  return made;
end;
$$;
revoke execute on function public.request_access(uuid, public.network_role, text) from public;
grant execute on function public.request_access(uuid, public.network_role, text) to authenticated;

-- Grants or declines a waiting request, as one of its network's
-- facilitators (anyone else is refused as though it did not exist). A
-- grant raises the requester to the role asked for, unless they already
-- hold it or more by now; either way the request is closed, the decision
-- recorded, the requester told, and the decider's own notification of it
-- marked read.
create or replace function public.decide_access_request(request uuid, granted boolean)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  asked public.access_requests;
begin
  select * into asked from public.access_requests r where r.id = request for update;
  if asked.id is null or not public.has_role(asked.network_id, '{facilitator}') then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  if asked.status <> 'pending' then
    raise exception 'access_request_decided' using errcode = 'P0001';
  end if;
  if granted then
    -- The members page's own update (changeMember), as the facilitator.
    update public.memberships m set role = asked.role
    where m.network_id = asked.network_id and m.user_id = asked.requester_id and m.role > asked.role;
  end if;
  update public.access_requests r
  set status = case when granted then 'granted' else 'declined' end::public.access_request_status,
      decided_by = me, decided_at = now()
  where r.id = asked.id;
  perform public.record_activity(asked.network_id, me,
    case when granted then 'access_granted' else 'access_declined' end::public.activity_action,
    asked.requester_id, (select p.display_name from public.profiles p where p.id = asked.requester_id),
    jsonb_build_object('role', asked.role, 'request', asked.id));
  perform public.notify_access_request(asked.id, array[asked.requester_id], 'access_decided', me, '');
  update public.notifications n set read_at = now()
  where n.access_request_id = asked.id and n.recipient_id = me and n.read_at is null;
end;
$$;
revoke execute on function public.decide_access_request(uuid, boolean) from public;
grant execute on function public.decide_access_request(uuid, boolean) to authenticated;
