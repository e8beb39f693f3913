-- Tables of the embedded auth provider only (never on Supabase, which keeps
-- its own). Reached by the service connection in auth/embedded.ts alone: no
-- API role is granted anything here.
create schema if not exists trama_auth;
comment on schema trama_auth is 'Embedded auth: sessions and failed sign-in attempts';

create table if not exists trama_auth.sessions (
  token_hash bytea primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  user_agent text not null default ''
);
create index if not exists sessions_user on trama_auth.sessions (user_id);

-- A failed sign-in is counted for the account by a hash of the address
-- typed, never the address itself: a refused sign-in keeps nothing a person
-- typed (it may be a password in the wrong field). The first shape of this
-- table kept the address; its rows matter for 15 minutes, so it is dropped.
do $$
begin
  if exists (select 1 from information_schema.columns
             where table_schema = 'trama_auth' and table_name = 'sign_in_failures' and column_name = 'email') then
    drop table trama_auth.sign_in_failures;
  end if;
end
$$;

create table if not exists trama_auth.sign_in_failures (
  account bytea not null,
  address text not null,
  at timestamptz not null default now()
);
create index if not exists sign_in_failures_account on trama_auth.sign_in_failures (account, at);
create index if not exists sign_in_failures_address on trama_auth.sign_in_failures (address, at);
