-- A network's file space: folders, files, and every version of a file.
-- The bytes live outside the database (local disk or Supabase Storage),
-- under a key the server chooses; the database keeps what each stored
-- object is (size, type detected from its bytes, checksum) and decides
-- who may see, upload, rename, move, bin and restore. A file in the bin
-- keeps its versions for 30 days, then the server deletes it; objects no
-- longer used by any version are queued for the server to remove.

-- How much the network may store: every version and the bin count. The
-- operator sets it; people cannot.
alter table public.networks add column file_quota bigint not null default 5368709120 check (file_quota >= 0);
comment on column public.networks.file_quota is 'Bytes of stored files (all versions, bin included) the network may keep.';
revoke insert on table public.networks from authenticated;
grant insert (id, name, territory, description, phase, created_by) on table public.networks to authenticated;

create table public.file_folders (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  -- Null for a folder at the top of the file space.
  parent_id uuid,
  name text not null check (char_length(name) between 1 and 200 and name = btrim(name) and name !~ '[/\\[:cntrl:]]'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, network_id),
  foreign key (parent_id, network_id) references public.file_folders (id, network_id)
);
comment on table public.file_folders is 'A folder of a network''s file space.';
-- The network id stands for the top level, so names are unique there too.
create unique index file_folders_name on public.file_folders (network_id, coalesce(parent_id, network_id), lower(name));
create index file_folders_parent on public.file_folders (parent_id);
alter table public.file_folders enable row level security;
create trigger file_folders_touch before update on public.file_folders
  for each row execute function public.touch_updated_at();

-- What the server stored: written only by the server, right after the
-- bytes are safely in the store and in the same transaction as the version
-- that uses them. Restoring a version reuses its object.
create table public.file_objects (
  storage_key uuid primary key,
  network_id uuid not null references public.networks (id) on delete cascade,
  size bigint not null check (size >= 0),
  -- Detected from the bytes, never the type the browser claimed.
  content_type text not null check (char_length(content_type) between 3 and 255),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  unique (storage_key, network_id)
);
comment on table public.file_objects is 'Stored bytes of file versions, named by the server.';
create index file_objects_network on public.file_objects (network_id);
alter table public.file_objects enable row level security;

-- Objects whose bytes the server must remove from the store. No foreign
-- keys: a network's deletion queues its objects here too.
create table public.file_removals (
  storage_key uuid primary key,
  queued_at timestamptz not null default now()
);
comment on table public.file_removals is 'Stored objects no version uses any more, waiting for the server to delete their bytes.';
alter table public.file_removals enable row level security;

create table public.files (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  folder_id uuid,
  name text not null check (char_length(name) between 1 and 200 and name = btrim(name) and name !~ '[/\\[:cntrl:]]'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- The current version and what it is, kept by the versions' trigger.
  current_version_id uuid,
  version_count integer not null default 0,
  size bigint not null default 0,
  content_type text not null default 'application/octet-stream',
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null,
  -- In the bin since then; the server deletes it 30 days later.
  deleted_at timestamptz,
  deleted_by uuid references auth.users (id) on delete set null,
  unique (id, network_id),
  -- A file binned in a folder that is later removed comes back at the top.
  foreign key (folder_id, network_id) references public.file_folders (id, network_id) on delete set null (folder_id)
);
comment on table public.files is 'A file in a network''s file space; its bytes are in its versions.';
create unique index files_name on public.files (network_id, coalesce(folder_id, network_id), lower(name)) where deleted_at is null;
create index files_folder on public.files (network_id, folder_id) where deleted_at is null;
create index files_bin on public.files (network_id, deleted_at) where deleted_at is not null;
alter table public.files enable row level security;

create table public.file_versions (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null,
  network_id uuid not null,
  -- 1, 2, 3… per file, set by the database.
  number integer not null default 0,
  storage_key uuid not null,
  -- The name it was uploaded with, made safe.
  original_name text not null check (char_length(original_name) between 1 and 200),
  -- The earlier version this one brings back, if it is a restore.
  restored_from uuid,
  uploaded_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (file_id, number),
  unique (id, file_id),
  foreign key (file_id, network_id) references public.files (id, network_id) on delete cascade,
  -- Only objects stored for this network. An object goes only when no
  -- version uses it, or with its network: then its versions go too.
  foreign key (storage_key, network_id) references public.file_objects (storage_key, network_id) on delete cascade,
  foreign key (restored_from, file_id) references public.file_versions (id, file_id)
);
comment on table public.file_versions is 'A version of a file: who uploaded which stored object, and when.';
create index file_versions_object on public.file_versions (storage_key);
alter table public.file_versions enable row level security;

-- A folder moves nowhere inside itself.
create or replace function public.file_folders_no_cycle()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.parent_id is not null and exists (
    with recursive up (id, parent_id) as (
      select f.id, f.parent_id from public.file_folders f where f.id = new.parent_id
      union
      select f.id, f.parent_id from public.file_folders f join up on f.id = up.parent_id
    )
    select 1 from up where up.id = new.id
  ) then
    raise exception 'folder_cycle' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke execute on function public.file_folders_no_cycle() from public;
create trigger file_folders_no_cycle before update of parent_id on public.file_folders
  for each row execute function public.file_folders_no_cycle();

-- Only an empty folder is removed: its files go to the bin first, one by one.
create or replace function public.file_folders_only_empty()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- The cascade of a network's deletion runs after the network row is gone.
  if not exists (select 1 from public.networks n where n.id = old.network_id) then
    return old;
  end if;
  if exists (select 1 from public.file_folders f where f.parent_id = old.id)
     or exists (select 1 from public.files f where f.folder_id = old.id and f.deleted_at is null) then
    raise exception 'folder_not_empty' using errcode = 'P0001';
  end if;
  return old;
end;
$$;
revoke execute on function public.file_folders_only_empty() from public;
create trigger file_folders_only_empty before delete on public.file_folders
  for each row execute function public.file_folders_only_empty();

-- The network's quota holds whoever stores: concurrent uploads queue on the network's row.
create or replace function public.file_objects_within_quota()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  quota bigint;
  used bigint;
begin
  select n.file_quota into quota from public.networks n where n.id = new.network_id for update;
  select coalesce(sum(o.size), 0) into used from public.file_objects o where o.network_id = new.network_id;
  if used + new.size > quota then
    raise exception 'file_quota_exceeded' using errcode = 'P0001',
      detail = json_build_object('used', used, 'quota', quota, 'size', new.size)::text;
  end if;
  return new;
end;
$$;
revoke execute on function public.file_objects_within_quota() from public;
create trigger file_objects_within_quota before insert on public.file_objects
  for each row execute function public.file_objects_within_quota();

create or replace function public.file_objects_queue_removal()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.file_removals (storage_key) values (old.storage_key) on conflict do nothing;
  return null;
end;
$$;
revoke execute on function public.file_objects_queue_removal() from public;
create trigger file_objects_queue_removal after delete on public.file_objects
  for each row execute function public.file_objects_queue_removal();

-- Numbers the version and makes it the file's current one. The file's row
-- is locked first, so two versions uploaded at once get 2 and 3.
create or replace function public.file_versions_number()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform 1 from public.files f where f.id = new.file_id for update;
  new.number := coalesce((select max(v.number) from public.file_versions v where v.file_id = new.file_id), 0) + 1;
  new.created_at := now();
  return new;
end;
$$;
revoke execute on function public.file_versions_number() from public;
create trigger file_versions_number before insert on public.file_versions
  for each row execute function public.file_versions_number();

create or replace function public.file_versions_current()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.files f
  set current_version_id = new.id,
      version_count = new.number,
      size = o.size,
      content_type = o.content_type,
      updated_at = new.created_at,
      updated_by = new.uploaded_by
  from public.file_objects o
  where f.id = new.file_id and o.storage_key = new.storage_key;
  return null;
end;
$$;
revoke execute on function public.file_versions_current() from public;
create trigger file_versions_current after insert on public.file_versions
  for each row execute function public.file_versions_current();

-- An object that no version uses any more is removed, and its bytes queued.
create or replace function public.file_versions_release_object()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.file_objects o
  where o.storage_key = old.storage_key
    and not exists (select 1 from public.file_versions v where v.storage_key = old.storage_key);
  return null;
end;
$$;
revoke execute on function public.file_versions_release_object() from public;
create trigger file_versions_release_object after delete on public.file_versions
  for each row execute function public.file_versions_release_object();

-- A file is never without content: checked when its transaction commits,
-- so the file and its first version are inserted together.
create or replace function public.files_have_a_version()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.files f where f.id = new.id)
     and not exists (select 1 from public.file_versions v where v.file_id = new.id) then
    raise exception 'file_without_version' using errcode = 'P0001';
  end if;
  return null;
end;
$$;
revoke execute on function public.files_have_a_version() from public;
create constraint trigger files_have_a_version after insert on public.files
  deferrable initially deferred
  for each row execute function public.files_have_a_version();

-- The bin's dates and who binned are the database's, so nobody can date a
-- file back to have it deleted early. The service (no person) sets its own.
create or replace function public.files_bin_stamp()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.deleted_at is distinct from old.deleted_at and (select auth.uid()) is not null then
    if new.deleted_at is null then
      new.deleted_by := null;
    else
      new.deleted_at := now();
      new.deleted_by := (select auth.uid());
    end if;
  end if;
  return new;
end;
$$;
revoke execute on function public.files_bin_stamp() from public;
create trigger files_bin_stamp before update of deleted_at on public.files
  for each row execute function public.files_bin_stamp();

-- How much of its quota a network uses; members only (zero for anyone else).
create or replace function public.file_space(network uuid)
returns table (used bigint, quota bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select (select coalesce(sum(o.size), 0)::bigint from public.file_objects o where o.network_id = network),
         (select n.file_quota from public.networks n where n.id = network);
$$;
revoke execute on function public.file_space(uuid) from public;
grant execute on function public.file_space(uuid) to authenticated;

-- Who may add to a network's file space: its facilitators and editors.
create or replace function public.may_upload(network uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select public.has_role(network, '{facilitator,editor}');
$$;
revoke execute on function public.may_upload(uuid) from public;
grant execute on function public.may_upload(uuid) to authenticated;

create policy file_folders_select on public.file_folders for select to authenticated
  using (public.is_member(network_id));
create policy file_folders_insert on public.file_folders for insert to authenticated
  with check (created_by = (select auth.uid()) and public.may_upload(network_id));
create policy file_folders_update on public.file_folders for update to authenticated
  using (public.may_upload(network_id)) with check (public.may_upload(network_id));
create policy file_folders_delete on public.file_folders for delete to authenticated
  using (public.may_upload(network_id));

create policy file_objects_select on public.file_objects for select to authenticated
  using (public.is_member(network_id));

create policy files_select on public.files for select to authenticated
  using (public.is_member(network_id));
create policy files_insert on public.files for insert to authenticated
  with check (created_by = (select auth.uid()) and deleted_at is null and public.may_upload(network_id));
create policy files_update on public.files for update to authenticated
  using (public.may_upload(network_id)) with check (public.may_upload(network_id));
-- Deleting for good, before the bin's 30 days: facilitators only.
create policy files_delete on public.files for delete to authenticated
  using (public.has_role(network_id, '{facilitator}'));

create policy file_versions_select on public.file_versions for select to authenticated
  using (public.is_member(network_id));
create policy file_versions_insert on public.file_versions for insert to authenticated
  with check (
    uploaded_by = (select auth.uid())
    and public.may_upload(network_id)
    and exists (select 1 from public.files f where f.id = file_id and f.deleted_at is null)
  );

grant select, delete on table public.file_folders to authenticated;
grant insert (id, network_id, parent_id, name) on table public.file_folders to authenticated;
grant update (parent_id, name) on table public.file_folders to authenticated;
grant select on table public.file_objects to authenticated;
grant select, delete on table public.files to authenticated;
grant insert (id, network_id, folder_id, name) on table public.files to authenticated;
grant update (folder_id, name, deleted_at) on table public.files to authenticated;
grant select on table public.file_versions to authenticated;
grant insert (id, file_id, network_id, storage_key, original_name, restored_from) on table public.file_versions to authenticated;
