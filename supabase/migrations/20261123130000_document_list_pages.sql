-- The documents list shows a network's documents fifty at a time, most
-- recently changed first, and pages by keyset on (change time, id): this
-- index serves each page, in either direction, by reading only its rows.
create index documents_network_changed on public.documents
  (network_id, (greatest(content_updated_at, updated_at)) desc, id desc);

-- How many documents the list holds for its filters, and how many of them
-- come before a page's first row (its position in the list). Counting under
-- row-level security would ask is_member() once per row, ~30 ms at 1,000
-- documents on PGlite, on every load of the list; this asks it once. The
-- rule is documents_select's own: a network's members see all its documents,
-- and anyone else sees none, so a stranger counts zero.
create or replace function public.document_count(
  network uuid,
  kind public.document_kind default null,
  status public.document_status default null,
  first_changed timestamptz default null,
  first_id uuid default null
)
returns table (total integer, preceding integer)
language sql
stable
security definer
set search_path = ''
as $$
  select count(*)::integer,
         count(*) filter (
           where (greatest(d.content_updated_at, d.updated_at), d.id) > (document_count.first_changed, document_count.first_id)
         )::integer
  from public.documents d
  where public.is_member(document_count.network)
    and d.network_id = document_count.network
    and (document_count.kind is null or d.kind = document_count.kind)
    and (document_count.status is null or d.status = document_count.status);
$$;
revoke execute on function public.document_count(uuid, public.document_kind, public.document_status, timestamptz, uuid) from public;
grant execute on function public.document_count(uuid, public.document_kind, public.document_status, timestamptz, uuid) to authenticated;
