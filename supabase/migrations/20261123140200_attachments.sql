-- Files of the network's file space attached to a post: a discussion's
-- opening message, a reply, a comment on a document, or a reply to it. An
-- attachment points at the file (its current version), so it follows new
-- versions, goes with the file when it is deleted for good, and is served
-- with the file's own permissions.

alter table public.thread_messages add constraint thread_messages_id_network_key unique (id, network_id);
alter table public.comments add constraint comments_id_network_key unique (id, network_id);
alter table public.comment_replies add constraint comment_replies_id_network_key unique (id, network_id);

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null,
  file_id uuid not null,
  -- Exactly one post.
  thread_id uuid,
  message_id uuid,
  comment_id uuid,
  reply_id uuid,
  added_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  check (num_nonnulls(thread_id, message_id, comment_id, reply_id) = 1),
  unique nulls not distinct (file_id, thread_id, message_id, comment_id, reply_id),
  foreign key (file_id, network_id) references public.files (id, network_id) on delete cascade,
  foreign key (thread_id, network_id) references public.threads (id, network_id) on delete cascade,
  foreign key (message_id, network_id) references public.thread_messages (id, network_id) on delete cascade,
  foreign key (comment_id, network_id) references public.comments (id, network_id) on delete cascade,
  foreign key (reply_id, network_id) references public.comment_replies (id, network_id) on delete cascade
);
comment on table public.attachments is 'A file attached to a discussion post or a comment.';
create index attachments_thread on public.attachments (thread_id) where thread_id is not null;
create index attachments_message on public.attachments (message_id) where message_id is not null;
create index attachments_comment on public.attachments (comment_id) where comment_id is not null;
create index attachments_reply on public.attachments (reply_id) where reply_id is not null;
create index attachments_file on public.attachments (file_id);
alter table public.attachments enable row level security;

-- A post carries at most ten files.
create or replace function public.attachments_at_most_ten()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select count(*) from public.attachments a
      where a.thread_id is not distinct from new.thread_id and a.message_id is not distinct from new.message_id
        and a.comment_id is not distinct from new.comment_id and a.reply_id is not distinct from new.reply_id) >= 10 then
    raise exception 'too_many_attachments' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke execute on function public.attachments_at_most_ten() from public;
create trigger attachments_at_most_ten before insert on public.attachments
  for each row execute function public.attachments_at_most_ten();

-- Whether the post is this person's own, and they may still write where it
-- is: not in a closed discussion, nor on an archived document.
create or replace function public.may_attach_to(thread uuid, message uuid, comment uuid, reply uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select t.author_id = (select auth.uid()) and public.may_post_in_thread(t.id)
     from public.threads t where t.id = thread),
    (select m.author_id = (select auth.uid()) and public.may_post_in_thread(m.thread_id)
     from public.thread_messages m where m.id = message),
    (select c.author_id = (select auth.uid()) and public.may_comment(c.document_id)
     from public.comments c where c.id = comment),
    (select r.author_id = (select auth.uid()) and public.may_comment(r.document_id)
     from public.comment_replies r where r.id = reply),
    false
  );
$$;
revoke execute on function public.may_attach_to(uuid, uuid, uuid, uuid) from public;
grant execute on function public.may_attach_to(uuid, uuid, uuid, uuid) to authenticated;

create policy attachments_select on public.attachments for select to authenticated
  using (public.is_member(network_id));
-- A file in the bin is attached to nothing new, as it takes no new version.
create policy attachments_insert on public.attachments for insert to authenticated
  with check (
    added_by = (select auth.uid())
    and public.may_attach_to(thread_id, message_id, comment_id, reply_id)
    and exists (select 1 from public.files f where f.id = file_id and f.deleted_at is null)
  );
create policy attachments_delete on public.attachments for delete to authenticated
  using (added_by = (select auth.uid()) or public.has_role(network_id, '{facilitator}'));

grant select, delete on table public.attachments to authenticated;
grant insert (id, network_id, file_id, thread_id, message_id, comment_id, reply_id) on table public.attachments to authenticated;
