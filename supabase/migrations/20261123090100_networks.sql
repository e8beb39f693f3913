-- Networks (reti partenariali), the partners that form them and the people
-- who take part, with the helpers every policy calls.

create type public.network_role as enum ('facilitator', 'editor', 'commenter', 'viewer');
create type public.network_phase as enum ('launch', 'mapping', 'programming', 'design', 'implementation', 'evaluation');
create type public.partner_kind as enum (
  'ets', 'social_coop_a', 'social_coop_b', 'association', 'local_authority',
  'health_service', 'job_centre', 'training_body', 'school', 'company', 'other'
);
-- The four systems a job-placement network joins.
create type public.network_system as enum ('health', 'social', 'training', 'employment');

create table public.networks (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 3 and 140),
  territory text not null check (char_length(btrim(territory)) between 2 and 140),
  description text not null default '' check (char_length(description) <= 4000),
  phase public.network_phase not null default 'launch',
  created_by uuid not null default auth.uid() references auth.users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz
);
comment on table public.networks is 'A co-programming process: one partnership on one territory.';
alter table public.networks enable row level security;
create trigger networks_touch before update on public.networks
  for each row execute function public.touch_updated_at();

create table public.partners (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 2 and 200),
  kind public.partner_kind not null,
  system public.network_system not null,
  description text not null default '' check (char_length(description) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, network_id)
);
comment on table public.partners is 'An organisation taking part in a network, with its kind and its system.';
create unique index partners_name_per_network on public.partners (network_id, lower(btrim(name)));
create index partners_network on public.partners (network_id);
alter table public.partners enable row level security;
create trigger partners_touch before update on public.partners
  for each row execute function public.touch_updated_at();

create table public.memberships (
  network_id uuid not null references public.networks (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.network_role not null,
  partner_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (network_id, user_id),
  -- The partner a person speaks for must belong to the same network.
  foreign key (partner_id, network_id) references public.partners (id, network_id)
    on delete set null (partner_id)
);
comment on table public.memberships is 'Who takes part in a network, with which role, speaking for which partner.';
create index memberships_user on public.memberships (user_id);
alter table public.memberships enable row level security;
create trigger memberships_touch before update on public.memberships
  for each row execute function public.touch_updated_at();

-- Helpers for policies. security definer so that a policy on memberships can
-- read memberships without recursing into its own policy.
create or replace function public.is_member(network uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.network_id = network and m.user_id = (select auth.uid())
  );
$$;

create or replace function public.has_role(network uuid, roles public.network_role[])
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.network_id = network and m.user_id = (select auth.uid()) and m.role = any (roles)
  );
$$;

create or replace function public.shares_network(person uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships mine
    join public.memberships theirs on theirs.network_id = mine.network_id
    where mine.user_id = (select auth.uid()) and theirs.user_id = person
  );
$$;

-- Lets a page tell "no such network" (404) from "not yours" (403) without
-- revealing anything else about it.
create or replace function public.network_exists(network uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.networks n where n.id = network);
$$;

revoke execute on function public.is_member(uuid) from public;
revoke execute on function public.has_role(uuid, public.network_role[]) from public;
revoke execute on function public.shares_network(uuid) from public;
revoke execute on function public.network_exists(uuid) from public;
grant execute on function public.is_member(uuid) to authenticated;
grant execute on function public.has_role(uuid, public.network_role[]) to authenticated;
grant execute on function public.shares_network(uuid) to authenticated;
grant execute on function public.network_exists(uuid) to authenticated;

-- The creator of a network is its first facilitator.
create or replace function public.add_creator_as_facilitator()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.memberships (network_id, user_id, role)
  values (new.id, new.created_by, 'facilitator');
  return new;
end;
$$;
revoke execute on function public.add_creator_as_facilitator() from public;
create trigger networks_add_creator after insert on public.networks
  for each row execute function public.add_creator_as_facilitator();

-- A network always keeps a facilitator: the last one can be neither removed
-- nor demoted. Removal through the network's own deletion is allowed.
create or replace function public.keep_a_facilitator()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role <> 'facilitator' or (tg_op = 'UPDATE' and new.role = 'facilitator') then
    return coalesce(new, old);
  end if;
  if not exists (select 1 from public.networks n where n.id = old.network_id) then
    return old;
  end if;
  if not exists (
    select 1 from public.memberships m
    where m.network_id = old.network_id and m.role = 'facilitator' and m.user_id <> old.user_id
  ) then
    raise exception 'last_facilitator' using errcode = 'P0001',
      hint = 'Name another facilitator first.';
  end if;
  return coalesce(new, old);
end;
$$;
revoke execute on function public.keep_a_facilitator() from public;
create trigger memberships_keep_a_facilitator before update or delete on public.memberships
  for each row execute function public.keep_a_facilitator();

-- Policies: one per operation.
create policy networks_select on public.networks for select to authenticated
  using (public.is_member(id));
create policy networks_insert on public.networks for insert to authenticated
  with check (created_by = (select auth.uid()));
create policy networks_update on public.networks for update to authenticated
  using (public.has_role(id, '{facilitator}'))
  with check (public.has_role(id, '{facilitator}'));
create policy networks_delete on public.networks for delete to authenticated
  using (public.has_role(id, '{facilitator}'));

create policy partners_select on public.partners for select to authenticated
  using (public.is_member(network_id));
create policy partners_insert on public.partners for insert to authenticated
  with check (public.has_role(network_id, '{facilitator}'));
create policy partners_update on public.partners for update to authenticated
  using (public.has_role(network_id, '{facilitator}'))
  with check (public.has_role(network_id, '{facilitator}'));
create policy partners_delete on public.partners for delete to authenticated
  using (public.has_role(network_id, '{facilitator}'));

create policy memberships_select on public.memberships for select to authenticated
  using (public.is_member(network_id));
create policy memberships_insert on public.memberships for insert to authenticated
  with check (public.has_role(network_id, '{facilitator}'));
create policy memberships_update on public.memberships for update to authenticated
  using (public.has_role(network_id, '{facilitator}'))
  with check (public.has_role(network_id, '{facilitator}'));
-- Facilitators remove members; anyone may leave.
create policy memberships_delete on public.memberships for delete to authenticated
  using (public.has_role(network_id, '{facilitator}') or user_id = (select auth.uid()));

create policy profiles_select on public.profiles for select to authenticated
  using (id = (select auth.uid()) or public.shares_network(id));
create policy profiles_insert on public.profiles for insert to authenticated
  with check (id = (select auth.uid()));
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

grant select, insert, delete on table public.networks to authenticated;
grant update (name, territory, description, phase, archived_at) on table public.networks to authenticated;
grant select, insert, delete on table public.partners to authenticated;
grant update (name, kind, system, description) on table public.partners to authenticated;
grant select, insert, delete on table public.memberships to authenticated;
grant update (role, partner_id) on table public.memberships to authenticated;
