-- Comments on a territorial map's entries. A comment is either anchored in
-- the document's text (anchor_from/anchor_to, as before) or made on one map
-- entry (entry_id), never both. Entries live in the document's Yjs state, so
-- entry_id is not a foreign key: a comment on an entry that was removed
-- stays readable, and its quote keeps the entry's name as it was.

alter table public.comments add column entry_id uuid;
comment on column public.comments.entry_id is
  'The map entry (its id in the document''s Yjs state) the comment is on; null for a comment anchored in the text.';
alter table public.comments alter column anchor_from drop not null;
alter table public.comments alter column anchor_to drop not null;
alter table public.comments add constraint comments_one_place check (
  (entry_id is null and anchor_from is not null and anchor_to is not null)
  or (entry_id is not null and anchor_from is null and anchor_to is null)
);
create index comments_entry on public.comments (document_id, entry_id) where entry_id is not null;

-- Only a territorial map has entries. A trigger rather than the policy, so
-- that the service (imports, the demo seed) is held to it too.
create or replace function public.check_entry_comment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.entry_id is not null and not exists (
    select 1 from public.documents d where d.id = new.document_id and d.kind = 'territorial_map'
  ) then
    raise exception 'entry_comment_not_on_map' using errcode = '23514',
      hint = 'Only a territorial map''s entries can be commented on.';
  end if;
  return new;
end;
$$;
revoke execute on function public.check_entry_comment() from public;
create trigger comments_entry_on_map before insert or update of entry_id on public.comments
  for each row execute function public.check_entry_comment();

-- The activity record names the entry of an entry comment (and of a reply to
-- one), so that its link opens the entry rather than the text.
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
  -- Null for a comment in the text: jsonb_strip_nulls then leaves it out.
  entry uuid := (select c.entry_id from public.comments c where c.id = comment);
begin
  if tg_table_name = 'comment_replies' then
    perform public.record_activity(new.network_id, coalesce(actor, new.author_id), 'comment_replied', new.document_id, title,
      jsonb_strip_nulls(jsonb_build_object('comment', comment, 'entry', entry)));
  elsif tg_op = 'INSERT' then
    perform public.record_activity(new.network_id, coalesce(actor, new.author_id), 'comment_added', new.document_id, title,
      jsonb_strip_nulls(jsonb_build_object('comment', comment, 'quote', left(new.quote, 200), 'entry', entry)));
  elsif new.resolved is distinct from old.resolved then
    perform public.record_activity(new.network_id, coalesce(actor, new.resolved_by),
      case when new.resolved then 'comment_resolved' else 'comment_reopened' end::public.activity_action,
      new.document_id, title,
      jsonb_strip_nulls(jsonb_build_object('comment', comment, 'quote', left(new.quote, 200), 'entry', entry)));
  end if;
  return null;
end;
$$;
revoke execute on function public.comments_activity() from public;

grant insert (entry_id) on table public.comments to authenticated;
