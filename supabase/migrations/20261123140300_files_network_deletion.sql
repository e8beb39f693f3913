-- A network's deletion takes its file space with it and queues the bytes of
-- every stored object for removal. Left to the foreign keys alone it failed:
-- the cascade from networks reached file_objects while versions still used
-- them, and the versions' key to their object refused it. So the versions
-- go first, before the network row: releasing them removes their objects
-- and queues the keys (file_versions_release_object); the cascade then takes
-- the files, the folders, and any object no version used.
create or replace function public.networks_release_files()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.file_versions v where v.network_id = old.id;
  return old;
end;
$$;
revoke execute on function public.networks_release_files() from public;
create trigger networks_release_files before delete on public.networks
  for each row execute function public.networks_release_files();
