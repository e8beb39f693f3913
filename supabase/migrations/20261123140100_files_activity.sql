-- The file space in the activity record: uploads, new and restored
-- versions, renames, moves, the bin, and folders. Written by triggers like
-- the rest of the record (20261123110200).

alter type public.activity_action add value 'file_uploaded';
alter type public.activity_action add value 'file_version_uploaded';
alter type public.activity_action add value 'file_version_restored';
alter type public.activity_action add value 'file_renamed';
alter type public.activity_action add value 'file_moved';
alter type public.activity_action add value 'file_deleted';
alter type public.activity_action add value 'file_restored';
alter type public.activity_action add value 'file_purged';
alter type public.activity_action add value 'folder_created';
alter type public.activity_action add value 'folder_renamed';
alter type public.activity_action add value 'folder_deleted';

create or replace function public.folder_name(folder uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select f.name from public.file_folders f where f.id = folder;
$$;
revoke execute on function public.folder_name(uuid) from public;

-- A file's first version is its upload; later ones are new or restored versions.
create or replace function public.file_versions_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  file record;
begin
  select f.name, f.size into file from public.files f where f.id = new.file_id;
  perform public.record_activity(new.network_id, coalesce((select auth.uid()), new.uploaded_by),
    (case
      when new.number = 1 then 'file_uploaded'
      when new.restored_from is not null then 'file_version_restored'
      else 'file_version_uploaded'
    end)::public.activity_action,
    new.file_id, file.name,
    jsonb_build_object('version', new.number, 'size', file.size)
      || case when new.restored_from is null then '{}'::jsonb
         else jsonb_build_object('from', (select v.number from public.file_versions v where v.id = new.restored_from)) end);
  return null;
end;
$$;
revoke execute on function public.file_versions_activity() from public;
-- After file_versions_current (triggers fire in name order), so the size is the new one.
create trigger file_versions_zactivity after insert on public.file_versions
  for each row execute function public.file_versions_activity();

create or replace function public.files_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
begin
  if tg_op = 'DELETE' then
    perform public.record_activity(old.network_id, actor, 'file_purged', old.id, old.name);
    return null;
  end if;
  if new.deleted_at is distinct from old.deleted_at then
    perform public.record_activity(new.network_id, actor,
      (case when new.deleted_at is null then 'file_restored' else 'file_deleted' end)::public.activity_action,
      new.id, new.name);
  end if;
  if new.name is distinct from old.name then
    perform public.record_activity(new.network_id, actor, 'file_renamed', new.id, new.name,
      jsonb_build_object('from', old.name, 'to', new.name));
  end if;
  if new.folder_id is distinct from old.folder_id and new.deleted_at is null then
    perform public.record_activity(new.network_id, actor, 'file_moved', new.id, new.name,
      jsonb_build_object('from', public.folder_name(old.folder_id), 'to', public.folder_name(new.folder_id)));
  end if;
  return null;
end;
$$;
revoke execute on function public.files_activity() from public;
create trigger files_activity_delete after delete on public.files
  for each row execute function public.files_activity();
-- Only what people change: the versions' bookkeeping is not an event.
create trigger files_activity_update after update of name, folder_id, deleted_at on public.files
  for each row execute function public.files_activity();

create or replace function public.file_folders_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
begin
  if tg_op = 'INSERT' then
    perform public.record_activity(new.network_id, coalesce(actor, new.created_by), 'folder_created', new.id, new.name);
  elsif tg_op = 'UPDATE' then
    if new.name is distinct from old.name then
      perform public.record_activity(new.network_id, actor, 'folder_renamed', new.id, new.name,
        jsonb_build_object('from', old.name, 'to', new.name));
    end if;
  else
    perform public.record_activity(old.network_id, actor, 'folder_deleted', old.id, old.name);
  end if;
  return null;
end;
$$;
revoke execute on function public.file_folders_activity() from public;
create trigger file_folders_activity_insert_delete after insert or delete on public.file_folders
  for each row execute function public.file_folders_activity();
create trigger file_folders_activity_update after update of name on public.file_folders
  for each row execute function public.file_folders_activity();
