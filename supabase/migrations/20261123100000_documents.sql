-- Documents that a network co-writes live. The text is a Yjs document: the
-- collab server keeps it as a snapshot plus a log of updates (service access
-- only, after it has checked the person's role under RLS) and projects its
-- plain text into documents.content_text for search.

create type public.document_kind as enum ('territorial_map', 'community_pact', 'co_design', 'free', 'minutes');
create type public.document_status as enum ('draft', 'in_review', 'approved', 'archived');

create table public.documents (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  kind public.document_kind not null,
  title text not null check (char_length(btrim(title)) between 2 and 200),
  status public.document_status not null default 'draft',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Written by the collab server each time it persists the text.
  content_text text not null default '',
  content_updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('italian', title), 'A') || setweight(to_tsvector('italian', content_text), 'B')
  ) stored
);
comment on table public.documents is 'A territorial map, community pact, co-design document, minutes or free text of one network.';
create index documents_network on public.documents (network_id, content_updated_at desc);
create index documents_search on public.documents using gin (search);
alter table public.documents enable row level security;
create trigger documents_touch before update on public.documents
  for each row execute function public.touch_updated_at();

-- The persisted Yjs state: one compacted snapshot and the updates after it.
create table public.document_snapshots (
  document_id uuid primary key references public.documents (id) on delete cascade,
  state bytea not null,
  -- The last document_updates.id folded into this snapshot.
  through_update bigint not null default 0,
  updated_at timestamptz not null default now()
);
create table public.document_updates (
  id bigint generated always as identity primary key,
  document_id uuid not null references public.documents (id) on delete cascade,
  update bytea not null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index document_updates_document on public.document_updates (document_id, id);
-- Stored rows that could not be read back: kept aside, never silently dropped.
create table public.document_problems (
  id bigint generated always as identity primary key,
  document_id uuid not null references public.documents (id) on delete cascade,
  update bytea,
  reason text not null,
  created_at timestamptz not null default now()
);
create index document_problems_document on public.document_problems (document_id);
-- Who has written in a document, for "documents you edited" and the activity record.
create table public.document_contributors (
  document_id uuid not null references public.documents (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  first_edit_at timestamptz not null default now(),
  last_edit_at timestamptz not null default now(),
  primary key (document_id, user_id)
);
alter table public.document_snapshots enable row level security;
alter table public.document_updates enable row level security;
alter table public.document_problems enable row level security;
alter table public.document_contributors enable row level security;

create table public.document_versions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  name text check (name is null or char_length(btrim(name)) between 1 and 120),
  automatic boolean not null default false,
  state bytea not null,
  content_text text not null default '',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  check (automatic or name is not null)
);
comment on table public.document_versions is 'Named and automatic versions of a document: history is only ever added to.';
create index document_versions_document on public.document_versions (document_id, created_at desc);
alter table public.document_versions enable row level security;

-- Policies on a document's satellite tables ask about the document, never
-- hand out its network's id: a stranger learns nothing from calling them.
create or replace function public.is_document_member(document uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.documents d where d.id = document and public.is_member(d.network_id));
$$;

-- Editors and facilitators write a document's text and versions, unless it is archived.
create or replace function public.may_write_document(document uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.documents d
    where d.id = document and d.status <> 'archived' and public.has_role(d.network_id, '{facilitator,editor}')
  );
$$;
revoke execute on function public.is_document_member(uuid) from public;
grant execute on function public.is_document_member(uuid) to authenticated;
revoke execute on function public.may_write_document(uuid) from public;
grant execute on function public.may_write_document(uuid) to authenticated;

-- Run as the person (security invoker): RLS decides whether the document and
-- the membership are visible at all.
create or replace function public.document_access(document uuid)
returns table (network_id uuid, role public.network_role, status public.document_status)
language sql
stable
security invoker
set search_path = ''
as $$
  select d.network_id, m.role, d.status
  from public.documents d
  join public.memberships m on m.network_id = d.network_id and m.user_id = (select auth.uid())
  where d.id = document;
$$;
revoke execute on function public.document_access(uuid) from public;
grant execute on function public.document_access(uuid) to authenticated;

-- The template is written once, by the server, in the transaction that
-- creates the document (created_at is that transaction's now()); a document
-- that already has content, or was created earlier, keeps what it has.
create or replace function public.initialize_document(document uuid, state bytea)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  written integer;
begin
  if not public.may_write_document(document) then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  insert into public.document_snapshots (document_id, state)
  select document, state
  from public.documents d
  where d.id = document and d.created_at = now()
    and not exists (select 1 from public.document_updates u where u.document_id = document)
  on conflict (document_id) do nothing;
  get diagnostics written = row_count;
  return written = 1;
end;
$$;
revoke execute on function public.initialize_document(uuid, bytea) from public;
grant execute on function public.initialize_document(uuid, bytea) to authenticated;

-- Only facilitators approve and archive; editors move drafts into review and back.
create or replace function public.may_set_status(network uuid, status public.document_status)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select public.has_role(network, '{facilitator}')
      or (status in ('draft', 'in_review') and public.has_role(network, '{editor}'));
$$;
revoke execute on function public.may_set_status(uuid, public.document_status) from public;
grant execute on function public.may_set_status(uuid, public.document_status) to authenticated;

create policy documents_select on public.documents for select to authenticated
  using (public.is_member(network_id));
create policy documents_insert on public.documents for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and public.has_role(network_id, '{facilitator,editor}')
    and public.may_set_status(network_id, status)
  );
create policy documents_update on public.documents for update to authenticated
  using (public.has_role(network_id, '{facilitator}') or (public.has_role(network_id, '{editor}') and status in ('draft', 'in_review')))
  with check (public.may_set_status(network_id, status));
create policy documents_delete on public.documents for delete to authenticated
  using (public.has_role(network_id, '{facilitator}'));

create policy document_versions_select on public.document_versions for select to authenticated
  using (public.is_document_member(document_id));
create policy document_versions_insert on public.document_versions for insert to authenticated
  with check (not automatic and created_by = (select auth.uid()) and public.may_write_document(document_id));

create policy document_problems_select on public.document_problems for select to authenticated
  using (public.is_document_member(document_id));
create policy document_contributors_select on public.document_contributors for select to authenticated
  using (public.is_document_member(document_id));

-- Since 20261123095000 new objects start with no privileges for the API
-- roles: these are all that people get. Columns filled by defaults or by the
-- collab server (created_by, dates, content_text) are not theirs to set.
grant select, delete on table public.documents to authenticated;
grant insert (id, network_id, kind, title, status) on table public.documents to authenticated;
grant update (title, status) on table public.documents to authenticated;
grant select on table public.document_versions to authenticated;
grant insert (id, document_id, name, state, content_text) on table public.document_versions to authenticated;
grant select (id, document_id, reason, created_at) on table public.document_problems to authenticated;
grant select on table public.document_contributors to authenticated;
