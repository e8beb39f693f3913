-- Live documents served by many app processes on one database.
--
-- Compaction folds exactly the update rows it read into the snapshot and
-- deletes those rows by id: ids are handed out before commit, so a row
-- committed late may have a lower id than one already folded, and "through
-- update N" would skip it. The snapshot no longer records such a point.
alter table public.document_snapshots drop column through_update;

-- What only the collaboration servers touch, with their service connection:
-- never exposed to the API's roles.
create schema trama_collab;
revoke all on schema trama_collab from public;

-- Changes too large for a NOTIFY payload (8000 bytes) travel by reference:
-- the row is written and its id announced in one statement, so it is
-- committed before anyone hears of it. Rows are dropped after a minute.
create unlogged table trama_collab.relay (
  id bigint generated always as identity primary key,
  payload bytea not null,
  created_at timestamptz not null default now()
);

-- One process at a time per document and task (projection, compaction,
-- automatic versions): the transaction's advisory lock, released at commit
-- or rollback, and by Postgres itself when the process dies. False while
-- another process holds it: that one is doing the work.
create function trama_collab.take_turn(task text, document uuid)
returns boolean
language sql
as $$
  select pg_try_advisory_xact_lock(hashtextextended('trama.' || task || ':' || document::text, 0));
$$;
revoke execute on function trama_collab.take_turn(text, uuid) from public;
