-- A territorial map's entries, projected from the document's Yjs state (where
-- they live and merge) into a table that search, synergy queries and exports
-- can ask. Only the collab server writes it, with its service connection and
-- after it has checked the writer's role; the people of the network read it.
-- The vocabulary is src/lib/map/entry.ts's: change them together.

create type public.map_category as enum ('service', 'need', 'resource', 'opportunity', 'meeting_place');

create table public.map_entries (
  document_id uuid not null,
  network_id uuid not null,
  -- Chosen by whoever created the entry, unique within its document.
  id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  category public.map_category not null,
  system public.network_system not null,
  target_groups text[] not null default '{}' check (
    target_groups <@ array[
      'disability', 'mental_health', 'addiction', 'detainees', 'migrants',
      'neet', 'long_term_unemployed', 'over_50', 'homeless', 'women_violence'
    ]::text[]
  ),
  partner_id uuid,
  address text not null default '' check (char_length(address) <= 300),
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  places integer check (places between 0 and 100000),
  hours text not null default '' check (char_length(hours) <= 200),
  contacts text not null default '' check (char_length(contacts) <= 500),
  notes text not null default '' check (char_length(notes) <= 4000),
  tags text[] not null default '{}' check (cardinality(tags) <= 20),
  updated_at timestamptz not null default now(),
  primary key (document_id, id),
  -- A place is both coordinates or none.
  check ((lat is null) = (lng is null)),
  foreign key (document_id, network_id) references public.documents (id, network_id) on delete cascade,
  -- The partner belongs to the entry's own network; removing it leaves the entry without one.
  foreign key (partner_id, network_id) references public.partners (id, network_id)
    on delete set null (partner_id)
);
comment on table public.map_entries is 'The entries of territorial maps, projected by the collab server from each document''s Yjs state.';
create index map_entries_network on public.map_entries (network_id, category);
create index map_entries_targets on public.map_entries using gin (target_groups);
create index map_entries_partner on public.map_entries (partner_id) where partner_id is not null;
alter table public.map_entries enable row level security;

-- Read by the network's members. No policy writes: as the API roles nobody
-- inserts, changes or deletes an entry here; they edit the document instead.
create policy map_entries_select on public.map_entries for select to authenticated
  using (public.is_member(network_id));

grant select on table public.map_entries to authenticated;
