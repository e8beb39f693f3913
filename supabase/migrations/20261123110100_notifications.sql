-- Notifications, written by the database itself when a message, comment or
-- reply is posted, so that no way of posting can forget them: mentions,
-- replies in a discussion or comment one takes part in, and comments on a
-- document one has written in. Only current members of the network are
-- notified, never the author, and never of a kind the person turned off.

create type public.notification_kind as enum ('mention', 'reply', 'comment');

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references auth.users (id) on delete cascade,
  network_id uuid not null references public.networks (id) on delete cascade,
  kind public.notification_kind not null,
  actor_id uuid references auth.users (id) on delete set null,
  -- What it is about: a thread (and the message in it), or a document (and
  -- the comment on it).
  thread_id uuid references public.threads (id) on delete cascade,
  message_id uuid references public.thread_messages (id) on delete cascade,
  document_id uuid references public.documents (id) on delete cascade,
  comment_id uuid references public.comments (id) on delete cascade,
  -- The start of what was written, mentions shown as @Name.
  excerpt text not null default '',
  created_at timestamptz not null default now(),
  read_at timestamptz
);
comment on table public.notifications is 'What a person is told: mentions, replies, comments on documents they wrote in.';
create index notifications_recipient on public.notifications (recipient_id, created_at desc);
create index notifications_unread on public.notifications (recipient_id) where read_at is null;
alter table public.notifications enable row level security;

create table public.notification_settings (
  user_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
  -- The kinds this person does not want.
  muted public.notification_kind[] not null default '{}',
  updated_at timestamptz not null default now()
);
alter table public.notification_settings enable row level security;
create trigger notification_settings_touch before update on public.notification_settings
  for each row execute function public.touch_updated_at();

-- The people a body mentions who are members of the network.
create or replace function public.mentioned_members(network uuid, body text)
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct m.user_id), '{}')
  from regexp_matches(
    body,
    '@\[[^\]\n]{1,120}\]\(mention:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)',
    'gi'
  ) as found (groups)
  join public.memberships m on m.network_id = network and m.user_id = lower(found.groups[1])::uuid;
$$;
revoke execute on function public.mentioned_members(uuid, text) from public;

-- The first words of a body as plain text: mentions as @Name, links as
-- their text, without Markdown's emphasis and quote marks.
create or replace function public.excerpt_of(body text)
returns text
language sql
immutable
set search_path = ''
as $$
  select left(btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    body,
    '@\[([^\]\n]{1,120})\]\(mention:[^)\s]*\)', '@\1', 'g'),
    '\[([^\]\n]*)\]\([^)\s]*\)', '\1', 'g'),
    '(\*\*|__|[*`~]|^\s*[>#-]+\s*)', '', 'gn'),
    '\s+', ' ', 'g')), 200);
$$;
revoke execute on function public.excerpt_of(text) from public;

-- Notifies those of `recipients` who are members of the network, are not
-- the actor, have not muted `kind`, and are not in `already`. Returns
-- `already` with the newly notified added, so one post tells each person once.
create or replace function public.send_notifications(
  recipients uuid[],
  already uuid[],
  kind public.notification_kind,
  network uuid,
  actor uuid,
  body text,
  thread uuid default null,
  message uuid default null,
  document uuid default null,
  comment uuid default null
)
returns uuid[]
language plpgsql
security definer
set search_path = ''
as $$
declare
  notified uuid[];
begin
  with sent as (
    insert into public.notifications (recipient_id, network_id, kind, actor_id, thread_id, message_id, document_id, comment_id, excerpt)
    select distinct r, network, kind, actor, thread, message, document, comment, public.excerpt_of(body)
    from unnest(recipients) as r
    where r is not null
      and r is distinct from actor
      and not (r = any (already))
      and exists (select 1 from public.memberships m where m.network_id = network and m.user_id = r)
      and not exists (select 1 from public.notification_settings s where s.user_id = r and kind = any (s.muted))
    returning recipient_id
  )
  select coalesce(array_agg(recipient_id), '{}') into notified from sent;
  return already || notified;
end;
$$;
revoke execute on function public.send_notifications(uuid[], uuid[], public.notification_kind, uuid, uuid, text, uuid, uuid, uuid, uuid) from public;

create or replace function public.notify_thread_post()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  told uuid[];
  -- The two tables differ in shape: read the thread's id without naming a column the other lacks.
  thread uuid := coalesce((to_jsonb(new) ->> 'thread_id')::uuid, new.id);
  message uuid := case when tg_table_name = 'thread_messages' then new.id end;
begin
  told := public.send_notifications(public.mentioned_members(new.network_id, new.body), '{}', 'mention',
    new.network_id, new.author_id, new.body, thread, message);
  if tg_table_name = 'thread_messages' then
    -- Everyone who has written in the thread: its author and the earlier repliers.
    perform public.send_notifications(
      array(
        select t.author_id from public.threads t where t.id = thread
        union
        select m.author_id from public.thread_messages m where m.thread_id = thread and m.id <> new.id
      ),
      told, 'reply', new.network_id, new.author_id, new.body, thread, message);
  end if;
  return null;
end;
$$;
revoke execute on function public.notify_thread_post() from public;
create trigger threads_notify after insert on public.threads
  for each row execute function public.notify_thread_post();
create trigger thread_messages_notify after insert on public.thread_messages
  for each row execute function public.notify_thread_post();

create or replace function public.notify_comment_post()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  told uuid[];
  comment uuid := coalesce((to_jsonb(new) ->> 'comment_id')::uuid, new.id);
begin
  told := public.send_notifications(public.mentioned_members(new.network_id, new.body), '{}', 'mention',
    new.network_id, new.author_id, new.body, null, null, new.document_id, comment);
  if tg_table_name = 'comments' then
    -- Everyone who has written in the document, and whoever created it.
    perform public.send_notifications(
      array(
        select c.user_id from public.document_contributors c where c.document_id = new.document_id
        union
        select d.created_by from public.documents d where d.id = new.document_id
      ),
      told, 'comment', new.network_id, new.author_id, new.body, null, null, new.document_id, comment);
  else
    -- Everyone who has written in the comment's conversation.
    perform public.send_notifications(
      array(
        select c.author_id from public.comments c where c.id = comment
        union
        select r.author_id from public.comment_replies r where r.comment_id = comment and r.id <> new.id
      ),
      told, 'reply', new.network_id, new.author_id, new.body, null, null, new.document_id, comment);
  end if;
  return null;
end;
$$;
revoke execute on function public.notify_comment_post() from public;
create trigger comments_notify after insert on public.comments
  for each row execute function public.notify_comment_post();
create trigger comment_replies_notify after insert on public.comment_replies
  for each row execute function public.notify_comment_post();

-- Every open page of the recipient hears of it (see 20261123110200 for the channel).
create or replace function public.announce_notification()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_notify('trama_events', json_build_object('recipient', new.recipient_id)::text);
  return null;
end;
$$;
revoke execute on function public.announce_notification() from public;
create trigger notifications_announce after insert or update on public.notifications
  for each row execute function public.announce_notification();

-- A person sees and marks read their own notifications, from the networks
-- they still belong to.
create policy notifications_select on public.notifications for select to authenticated
  using (recipient_id = (select auth.uid()) and public.is_member(network_id));
create policy notifications_update on public.notifications for update to authenticated
  using (recipient_id = (select auth.uid()))
  with check (recipient_id = (select auth.uid()));

create policy notification_settings_select on public.notification_settings for select to authenticated
  using (user_id = (select auth.uid()));
create policy notification_settings_insert on public.notification_settings for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy notification_settings_update on public.notification_settings for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

grant select on table public.notifications to authenticated;
grant update (read_at) on table public.notifications to authenticated;
grant select on table public.notification_settings to authenticated;
grant insert (muted) on table public.notification_settings to authenticated;
grant update (muted) on table public.notification_settings to authenticated;
