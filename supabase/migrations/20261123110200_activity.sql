-- The activity record of each network: who joined, created, edited,
-- commented, resolved, changed a role. Written by triggers on the tables
-- themselves, so nothing that changes data can skip it; kept in an
-- append-only table that nobody can edit or delete from (only a network's
-- own deletion takes its record with it). Each entry is also announced on
-- the `trama_events` channel, which keeps every open page of the network live.

create type public.activity_action as enum (
  'network_created',
  'member_joined', 'member_role_changed', 'member_left', 'member_removed',
  'document_created', 'document_renamed', 'document_status_changed', 'document_edited',
  'document_version_saved', 'document_deleted',
  'thread_started', 'thread_replied', 'thread_closed', 'thread_reopened', 'thread_pinned', 'thread_unpinned', 'thread_deleted',
  'comment_added', 'comment_replied', 'comment_resolved', 'comment_reopened'
);

create table public.activity (
  id bigint generated always as identity primary key,
  network_id uuid not null references public.networks (id) on delete cascade,
  -- No foreign key: the record outlives accounts, and keeps who they were.
  actor_id uuid,
  actor_name text not null default '',
  actor_organisation text not null default '',
  action public.activity_action not null,
  -- The document, thread or person the entry is about, and its name then.
  subject_id uuid,
  subject_title text not null default '',
  details jsonb not null default '{}',
  created_at timestamptz not null default now()
);
comment on table public.activity is 'Append-only record of what happened in a network, written by triggers.';
create index activity_network on public.activity (network_id, id desc);
create index activity_subject on public.activity (subject_id, actor_id, action, created_at desc);
alter table public.activity enable row level security;

create or replace function public.keep_activity()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- The cascade of a network's deletion runs after the network row is gone.
  if tg_op = 'DELETE' and not exists (select 1 from public.networks n where n.id = old.network_id) then
    return old;
  end if;
  raise exception 'activity_append_only' using errcode = 'P0001';
end;
$$;
revoke execute on function public.keep_activity() from public;
create trigger activity_append_only before update or delete on public.activity
  for each row execute function public.keep_activity();
create trigger activity_no_truncate before truncate on public.activity
  for each statement execute function public.keep_activity();

-- Adds an entry, unless the network is being deleted, and announces it.
create or replace function public.record_activity(
  network uuid,
  actor uuid,
  action public.activity_action,
  subject uuid,
  subject_title text,
  details jsonb default '{}'
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  entry bigint;
begin
  insert into public.activity (network_id, actor_id, actor_name, actor_organisation, action, subject_id, subject_title, details)
  select network, actor, coalesce(p.display_name, ''), coalesce(p.organisation, ''), action, subject, coalesce(subject_title, ''), details
  from public.networks n
  left join public.profiles p on p.id = actor
  where n.id = network
  returning id into entry;
  if entry is not null then
    perform pg_notify('trama_events', json_build_object(
      'network', network, 'action', action, 'subject', subject, 'actor', actor, 'id', entry
    )::text);
  end if;
end;
$$;
revoke execute on function public.record_activity(uuid, uuid, public.activity_action, uuid, text, jsonb) from public;

create or replace function public.networks_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform public.record_activity(new.id, coalesce((select auth.uid()), new.created_by), 'network_created', new.id, new.name);
  return null;
end;
$$;
revoke execute on function public.networks_activity() from public;
-- Named to fire before networks_add_creator: the network is created, then its first member joins.
create trigger networks_activity after insert on public.networks
  for each row execute function public.networks_activity();

create or replace function public.memberships_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
  member uuid := case when tg_op = 'DELETE' then old.user_id else new.user_id end;
  member_name text := (select p.display_name from public.profiles p where p.id = member);
begin
  if tg_op = 'INSERT' then
    perform public.record_activity(new.network_id, coalesce(actor, new.user_id), 'member_joined', member, member_name,
      jsonb_build_object('role', new.role));
  elsif tg_op = 'UPDATE' then
    if new.role is distinct from old.role then
      perform public.record_activity(new.network_id, actor, 'member_role_changed', member, member_name,
        jsonb_build_object('from', old.role, 'to', new.role));
    end if;
  elsif actor is null or actor = member then
    perform public.record_activity(old.network_id, member, 'member_left', member, member_name);
  else
    perform public.record_activity(old.network_id, actor, 'member_removed', member, member_name);
  end if;
  return null;
end;
$$;
revoke execute on function public.memberships_activity() from public;
create trigger memberships_activity after insert or update or delete on public.memberships
  for each row execute function public.memberships_activity();

-- A deleted account leaves its networks before its profile goes (the
-- cascade's order is not defined), so the record can still name who left.
create or replace function public.leave_networks_of_deleted_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.memberships where user_id = old.id;
  return old;
end;
$$;
revoke execute on function public.leave_networks_of_deleted_user() from public;
create trigger users_leave_networks before delete on auth.users
  for each row execute function public.leave_networks_of_deleted_user();

create or replace function public.documents_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
begin
  if tg_op = 'INSERT' then
    perform public.record_activity(new.network_id, coalesce(actor, new.created_by), 'document_created', new.id, new.title,
      jsonb_build_object('kind', new.kind));
  elsif tg_op = 'UPDATE' then
    if new.title is distinct from old.title then
      perform public.record_activity(new.network_id, actor, 'document_renamed', new.id, new.title,
        jsonb_build_object('from', old.title, 'to', new.title));
    end if;
    if new.status is distinct from old.status then
      perform public.record_activity(new.network_id, actor, 'document_status_changed', new.id, new.title,
        jsonb_build_object('from', old.status, 'to', new.status));
    end if;
  else
    perform public.record_activity(old.network_id, actor, 'document_deleted', old.id, old.title);
  end if;
  return null;
end;
$$;
revoke execute on function public.documents_activity() from public;
-- Only the columns people change: the collab server's projection of the text is not an event.
create trigger documents_activity_insert_delete after insert or delete on public.documents
  for each row execute function public.documents_activity();
create trigger documents_activity_update after update of title, status on public.documents
  for each row execute function public.documents_activity();

-- Editing is recorded once per person and document in any 30 minutes, not
-- per keystroke: the collab server records a contributor when they start
-- writing, and again every few minutes while they go on.
create or replace function public.document_contributors_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  doc record;
begin
  select d.network_id, d.title into doc from public.documents d where d.id = new.document_id;
  if not exists (
    select 1 from public.activity a
    where a.subject_id = new.document_id and a.actor_id = new.user_id and a.action = 'document_edited'
      and a.created_at > now() - interval '30 minutes'
  ) then
    perform public.record_activity(doc.network_id, new.user_id, 'document_edited', new.document_id, doc.title);
  end if;
  return null;
end;
$$;
revoke execute on function public.document_contributors_activity() from public;
create trigger document_contributors_activity after insert or update on public.document_contributors
  for each row execute function public.document_contributors_activity();

create or replace function public.document_versions_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  doc record;
begin
  select d.network_id, d.title into doc from public.documents d where d.id = new.document_id;
  perform public.record_activity(doc.network_id, coalesce((select auth.uid()), new.created_by), 'document_version_saved',
    new.document_id, doc.title, jsonb_build_object('version', new.id, 'name', new.name));
  return null;
end;
$$;
revoke execute on function public.document_versions_activity() from public;
create trigger document_versions_activity after insert on public.document_versions
  for each row when (not new.automatic) execute function public.document_versions_activity();

create or replace function public.threads_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
begin
  if tg_op = 'INSERT' then
    perform public.record_activity(new.network_id, coalesce(actor, new.author_id), 'thread_started', new.id, new.title);
  elsif tg_op = 'UPDATE' then
    if new.closed is distinct from old.closed then
      perform public.record_activity(new.network_id, coalesce(actor, new.closed_by),
        case when new.closed then 'thread_closed' else 'thread_reopened' end::public.activity_action, new.id, new.title);
    end if;
    if new.pinned is distinct from old.pinned then
      perform public.record_activity(new.network_id, actor,
        case when new.pinned then 'thread_pinned' else 'thread_unpinned' end::public.activity_action, new.id, new.title);
    end if;
  else
    perform public.record_activity(old.network_id, actor, 'thread_deleted', old.id, old.title);
  end if;
  return null;
end;
$$;
revoke execute on function public.threads_activity() from public;
create trigger threads_activity_insert_delete after insert or delete on public.threads
  for each row execute function public.threads_activity();
create trigger threads_activity_update after update of closed, pinned on public.threads
  for each row execute function public.threads_activity();

create or replace function public.thread_messages_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform public.record_activity(new.network_id, coalesce((select auth.uid()), new.author_id), 'thread_replied', new.thread_id,
    (select t.title from public.threads t where t.id = new.thread_id), jsonb_build_object('message', new.id));
  return null;
end;
$$;
revoke execute on function public.thread_messages_activity() from public;
create trigger thread_messages_activity after insert on public.thread_messages
  for each row execute function public.thread_messages_activity();

-- Comment entries are about the document, naming the comment in details.
create or replace function public.comments_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
  title text := (select d.title from public.documents d where d.id = new.document_id);
  comment uuid := coalesce((to_jsonb(new) ->> 'comment_id')::uuid, new.id);
begin
  if tg_table_name = 'comment_replies' then
    perform public.record_activity(new.network_id, coalesce(actor, new.author_id), 'comment_replied', new.document_id, title,
      jsonb_build_object('comment', comment));
  elsif tg_op = 'INSERT' then
    perform public.record_activity(new.network_id, coalesce(actor, new.author_id), 'comment_added', new.document_id, title,
      jsonb_build_object('comment', comment, 'quote', left(new.quote, 200)));
  elsif new.resolved is distinct from old.resolved then
    perform public.record_activity(new.network_id, coalesce(actor, new.resolved_by),
      case when new.resolved then 'comment_resolved' else 'comment_reopened' end::public.activity_action,
      new.document_id, title, jsonb_build_object('comment', comment, 'quote', left(new.quote, 200)));
  end if;
  return null;
end;
$$;
revoke execute on function public.comments_activity() from public;
create trigger comments_activity_insert after insert on public.comments
  for each row execute function public.comments_activity();
create trigger comments_activity_update after update of resolved on public.comments
  for each row execute function public.comments_activity();
create trigger comment_replies_activity after insert on public.comment_replies
  for each row execute function public.comments_activity();

-- The whole record, for the facilitators' CSV export; anyone else is refused.
create or replace function public.activity_for_export(network uuid)
returns setof public.activity
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not public.has_role(network, '{facilitator}') then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  return query select * from public.activity a where a.network_id = network order by a.id;
end;
$$;
revoke execute on function public.activity_for_export(uuid) from public;
grant execute on function public.activity_for_export(uuid) to authenticated;

create policy activity_select on public.activity for select to authenticated
  using (public.is_member(network_id));

grant select on table public.activity to authenticated;
