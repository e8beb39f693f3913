-- The conversation layer: discussions (threads and their messages) in a
-- network, comments anchored in a document's text with their replies, and
-- when each person last looked at a thread or a document's comments.
-- Bodies are Markdown, stored as typed and rendered safely by the app; a
-- mention is written @[Name](mention:<user id>) and notifies that person
-- only if they are a member of the network (20261123110100).

-- Comments, replies and thread links name their document and network
-- together, so that a row can never point into another network.
alter table public.documents add constraint documents_id_network_key unique (id, network_id);

create table public.threads (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 3 and 200),
  body text not null check (char_length(btrim(body)) between 1 and 20000),
  -- The document the discussion is about, if any.
  document_id uuid,
  author_id uuid default auth.uid() references auth.users (id) on delete set null,
  pinned boolean not null default false,
  closed boolean not null default false,
  closed_at timestamptz,
  closed_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Kept by the messages' trigger, for "what is new" and the list order.
  last_message_at timestamptz not null default now(),
  message_count integer not null default 0,
  unique (id, network_id),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete set null (document_id)
);
comment on table public.threads is 'A discussion in a network: a title, an opening message, replies.';
create index threads_network on public.threads (network_id, pinned desc, last_message_at desc);
create index threads_author on public.threads (author_id, created_at);
alter table public.threads enable row level security;
create trigger threads_touch before update on public.threads
  for each row execute function public.touch_updated_at();

create table public.thread_messages (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null,
  network_id uuid not null,
  body text not null check (char_length(btrim(body)) between 1 and 20000),
  author_id uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (thread_id, network_id) references public.threads (id, network_id) on delete cascade
);
comment on table public.thread_messages is 'A reply in a discussion.';
create index thread_messages_thread on public.thread_messages (thread_id, created_at);
create index thread_messages_author on public.thread_messages (author_id, created_at);
alter table public.thread_messages enable row level security;

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null,
  network_id uuid not null,
  body text not null check (char_length(btrim(body)) between 1 and 5000),
  -- The text the comment was made on, shown even after that text is deleted.
  quote text not null check (char_length(quote) between 1 and 2000),
  -- Yjs relative positions (Y.encodeRelativePosition) of the commented
  -- range: they follow the text while others edit around and inside it.
  anchor_from bytea not null check (octet_length(anchor_from) between 1 and 512),
  anchor_to bytea not null check (octet_length(anchor_to) between 1 and 512),
  author_id uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  resolved boolean not null default false,
  resolved_at timestamptz,
  resolved_by uuid references auth.users (id) on delete set null,
  unique (id, document_id, network_id),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade
);
comment on table public.comments is 'A comment on a range of a document''s text; commenting never edits the document.';
create index comments_document on public.comments (document_id, created_at);
create index comments_author on public.comments (author_id, created_at);
alter table public.comments enable row level security;
create trigger comments_touch before update on public.comments
  for each row execute function public.touch_updated_at();

create table public.comment_replies (
  id uuid primary key default gen_random_uuid(),
  comment_id uuid not null,
  document_id uuid not null,
  network_id uuid not null,
  body text not null check (char_length(btrim(body)) between 1 and 5000),
  author_id uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (comment_id, document_id, network_id) references public.comments (id, document_id, network_id) on delete cascade
);
comment on table public.comment_replies is 'A reply to a comment on a document.';
create index comment_replies_comment on public.comment_replies (comment_id, created_at);
create index comment_replies_author on public.comment_replies (author_id, created_at);
alter table public.comment_replies enable row level security;

-- When a person last looked at a thread or at a document's comments: what
-- came after is marked as new for them.
create table public.visits (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  network_id uuid not null references public.networks (id) on delete cascade,
  -- A thread or a document of that network.
  subject_id uuid not null,
  seen_at timestamptz not null default now(),
  primary key (user_id, subject_id)
);
alter table public.visits enable row level security;

-- Who may write in a thread: facilitators, editors and commenters of its
-- network, while it is open. Viewers read.
create or replace function public.may_post_in_thread(thread uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.threads t
    where t.id = thread and not t.closed and public.has_role(t.network_id, '{facilitator,editor,commenter}')
  );
$$;

-- Who may comment on a document: facilitators, editors and commenters of its
-- network, unless it is archived. Commenting never writes the text, so
-- people who may not edit may still comment.
create or replace function public.may_comment(document uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.documents d
    where d.id = document and d.status <> 'archived'
      and public.has_role(d.network_id, '{facilitator,editor,commenter}')
  );
$$;
revoke execute on function public.may_post_in_thread(uuid) from public;
grant execute on function public.may_post_in_thread(uuid) to authenticated;
revoke execute on function public.may_comment(uuid) from public;
grant execute on function public.may_comment(uuid) to authenticated;

-- A burst of posts from one account is refused, whichever way it arrives
-- (the app, or the Data API on Supabase). The service is not limited.
create or replace function public.limit_posting_rate()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  author uuid := (select auth.uid());
  recent bigint;
begin
  if author is null then
    return new;
  end if;
  select (select count(*) from public.threads where author_id = author and created_at > now() - interval '1 minute')
       + (select count(*) from public.thread_messages where author_id = author and created_at > now() - interval '1 minute')
       + (select count(*) from public.comments where author_id = author and created_at > now() - interval '1 minute')
       + (select count(*) from public.comment_replies where author_id = author and created_at > now() - interval '1 minute')
    into recent;
  if recent >= 12 then
    raise exception 'rate_limited' using errcode = 'P0001', hint = 'At most 12 posts a minute.';
  end if;
  return new;
end;
$$;
revoke execute on function public.limit_posting_rate() from public;
create trigger threads_rate before insert on public.threads
  for each row execute function public.limit_posting_rate();
create trigger thread_messages_rate before insert on public.thread_messages
  for each row execute function public.limit_posting_rate();
create trigger comments_rate before insert on public.comments
  for each row execute function public.limit_posting_rate();
create trigger comment_replies_rate before insert on public.comment_replies
  for each row execute function public.limit_posting_rate();

-- Closing and resolving are recorded with who and when; pinning is the
-- facilitators' (the update policy lets a thread's author close it too).
create or replace function public.stamp_thread_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.pinned is distinct from old.pinned and (select auth.uid()) is not null
     and not public.has_role(old.network_id, '{facilitator}') then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  if new.closed is distinct from old.closed then
    new.closed_at := case when new.closed then now() end;
    -- The service (imports, the demo seed) may name who closed it.
    new.closed_by := case when new.closed then coalesce((select auth.uid()), new.closed_by) end;
  end if;
  return new;
end;
$$;
revoke execute on function public.stamp_thread_change() from public;
create trigger threads_stamp before update on public.threads
  for each row execute function public.stamp_thread_change();

create or replace function public.stamp_comment_resolution()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.resolved is distinct from old.resolved then
    new.resolved_at := case when new.resolved then now() end;
    new.resolved_by := case when new.resolved then coalesce((select auth.uid()), new.resolved_by) end;
  end if;
  return new;
end;
$$;
revoke execute on function public.stamp_comment_resolution() from public;
create trigger comments_stamp before update on public.comments
  for each row execute function public.stamp_comment_resolution();

create or replace function public.count_thread_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.threads
  set last_message_at = new.created_at, message_count = message_count + 1
  where id = new.thread_id;
  return new;
end;
$$;
revoke execute on function public.count_thread_message() from public;
create trigger thread_messages_count after insert on public.thread_messages
  for each row execute function public.count_thread_message();

create policy threads_select on public.threads for select to authenticated
  using (public.is_member(network_id));
create policy threads_insert on public.threads for insert to authenticated
  with check (author_id = (select auth.uid()) and public.has_role(network_id, '{facilitator,editor,commenter}'));
create policy threads_update on public.threads for update to authenticated
  using (
    public.has_role(network_id, '{facilitator}')
    or (author_id = (select auth.uid()) and public.has_role(network_id, '{editor,commenter}'))
  )
  with check (
    public.has_role(network_id, '{facilitator}')
    or (author_id = (select auth.uid()) and public.has_role(network_id, '{editor,commenter}'))
  );
create policy threads_delete on public.threads for delete to authenticated
  using (public.has_role(network_id, '{facilitator}'));

create policy thread_messages_select on public.thread_messages for select to authenticated
  using (public.is_member(network_id));
create policy thread_messages_insert on public.thread_messages for insert to authenticated
  with check (author_id = (select auth.uid()) and public.may_post_in_thread(thread_id));

create policy comments_select on public.comments for select to authenticated
  using (public.is_member(network_id));
create policy comments_insert on public.comments for insert to authenticated
  with check (author_id = (select auth.uid()) and public.may_comment(document_id));
-- Resolving and reopening: the comment's author, editors and facilitators.
create policy comments_update on public.comments for update to authenticated
  using (
    public.may_comment(document_id)
    and (author_id = (select auth.uid()) or public.has_role(network_id, '{facilitator,editor}'))
  )
  with check (public.may_comment(document_id));

create policy comment_replies_select on public.comment_replies for select to authenticated
  using (public.is_member(network_id));
create policy comment_replies_insert on public.comment_replies for insert to authenticated
  with check (author_id = (select auth.uid()) and public.may_comment(document_id));

create policy visits_select on public.visits for select to authenticated
  using (user_id = (select auth.uid()));
create policy visits_insert on public.visits for insert to authenticated
  with check (user_id = (select auth.uid()) and public.is_member(network_id));
create policy visits_update on public.visits for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and public.is_member(network_id));

grant select, delete on table public.threads to authenticated;
grant insert (id, network_id, title, body, document_id) on table public.threads to authenticated;
grant update (pinned, closed) on table public.threads to authenticated;
grant select on table public.thread_messages to authenticated;
grant insert (id, thread_id, network_id, body) on table public.thread_messages to authenticated;
grant select on table public.comments to authenticated;
grant insert (id, document_id, network_id, body, quote, anchor_from, anchor_to) on table public.comments to authenticated;
grant update (resolved) on table public.comments to authenticated;
grant select on table public.comment_replies to authenticated;
grant insert (id, comment_id, document_id, network_id, body) on table public.comment_replies to authenticated;
grant select on table public.visits to authenticated;
grant insert (network_id, subject_id) on table public.visits to authenticated;
grant update (seen_at) on table public.visits to authenticated;
