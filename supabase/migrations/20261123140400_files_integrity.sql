-- Three rules the file space's first migrations left to the app, now the
-- database's like the rest.
--
-- Attaching is writing where the post is: not to a post in a closed
-- discussion (may_post_in_thread), as replying there is refused, nor on an
-- archived document (may_comment, as before).
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

-- A file in the bin is attached to nothing new, as it takes no new version.
drop policy attachments_insert on public.attachments;
create policy attachments_insert on public.attachments for insert to authenticated
  with check (
    added_by = (select auth.uid())
    and public.may_attach_to(thread_id, message_id, comment_id, reply_id)
    and exists (select 1 from public.files f where f.id = file_id and f.deleted_at is null)
  );

-- A restored version brings back the very bytes of the version it names,
-- so that the history and the activity record say what the file holds.
create or replace function public.file_versions_restore_same_bytes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.restored_from is not null and not exists (
    select 1 from public.file_versions v
    where v.id = new.restored_from and v.file_id = new.file_id and v.storage_key = new.storage_key
  ) then
    raise exception 'restore_mismatch' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke execute on function public.file_versions_restore_same_bytes() from public;
create trigger file_versions_restore_same_bytes before insert on public.file_versions
  for each row execute function public.file_versions_restore_same_bytes();
