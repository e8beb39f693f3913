-- Comments on a community pact's commitments. A commitment lives in the
-- pact's Yjs state as a map entry lives in the map's, so a comment on one is
-- a comment on an item: comments.entry_id holds the commitment's id, and the
-- replies, resolving, mentions, files, activity and notifications of entry
-- comments serve it unchanged. Only the kinds with items may hold such a
-- comment; the error keeps its name for every other kind.
create or replace function public.check_entry_comment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.entry_id is not null and not exists (
    select 1 from public.documents d
    where d.id = new.document_id and d.kind in ('territorial_map', 'community_pact')
  ) then
    raise exception 'entry_comment_not_on_map' using errcode = '23514',
      hint = 'Only a territorial map''s entries and a community pact''s commitments can be commented on.';
  end if;
  return new;
end;
$$;
revoke execute on function public.check_entry_comment() from public;

comment on column public.comments.entry_id is
  'The item (a map''s entry, a pact''s commitment: its id in the document''s Yjs state) the comment is on; null for a comment anchored in the text.';
