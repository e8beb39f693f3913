-- People. auth.users belongs to the auth provider (Supabase Auth, or the
-- embedded shim); everything the app shows about a person lives here.

create or replace function public.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null,
  display_name text not null check (char_length(display_name) between 1 and 120),
  organisation text not null default '' check (char_length(organisation) <= 200),
  locale text not null default 'it' check (locale in ('it', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per person: the name, organisation and language shown to the networks they belong to.';
alter table public.profiles enable row level security;

create trigger profiles_touch before update on public.profiles
  for each row execute function public.touch_updated_at();

-- A profile is born with its auth user, so no code path can forget it.
create or replace function public.create_profile_for_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
begin
  insert into public.profiles (id, email, display_name, organisation, locale)
  values (
    new.id,
    lower(new.email),
    coalesce(nullif(btrim(meta ->> 'display_name'), ''), split_part(new.email, '@', 1)),
    coalesce(meta ->> 'organisation', ''),
    case when meta ->> 'locale' = 'en' then 'en' else 'it' end
  );
  return new;
end;
$$;
revoke execute on function public.create_profile_for_user() from public;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.create_profile_for_user();

create or replace function public.sync_profile_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.profiles set email = lower(new.email) where id = new.id;
  return new;
end;
$$;
revoke execute on function public.sync_profile_email() from public;

create trigger on_auth_user_email_changed after update of email on auth.users
  for each row execute function public.sync_profile_email();

grant select, insert on table public.profiles to authenticated;
grant update (display_name, organisation, locale) on table public.profiles to authenticated;
