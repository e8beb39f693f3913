-- Supabase grants anon and authenticated every privilege on whatever is
-- created in public (default privileges). Row-level security then stands
-- alone, and column-level grants (which columns a person may change) mean
-- nothing. From here on, tables start with no privileges for the API roles
-- and each migration grants exactly what it means; functions still need
-- their `revoke execute ... from public` (Postgres's own default, which a
-- per-schema default cannot take away). This migration takes back what the
-- earlier migrations' objects received.

alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke execute on functions from anon, authenticated;

revoke all on all tables in schema public from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;
revoke execute on all functions in schema public from public, anon, authenticated;

-- The grants of 20261123090000..090200, restated after the sweep above.
grant select, insert on table public.profiles to authenticated;
grant update (display_name, organisation, locale) on table public.profiles to authenticated;
grant select, insert, delete on table public.networks to authenticated;
grant update (name, territory, description, phase, archived_at) on table public.networks to authenticated;
grant select, insert, delete on table public.partners to authenticated;
grant update (name, kind, system, description) on table public.partners to authenticated;
grant select, insert, delete on table public.memberships to authenticated;
grant update (role, partner_id) on table public.memberships to authenticated;
grant select, insert, delete on table public.invitations to authenticated;
grant update (role, partner_id, token_hash, expires_at, revoked_at) on table public.invitations to authenticated;

grant execute on function public.is_member(uuid) to authenticated;
grant execute on function public.has_role(uuid, public.network_role[]) to authenticated;
grant execute on function public.shares_network(uuid) to authenticated;
grant execute on function public.network_exists(uuid) to authenticated;
grant execute on function public.invitation_preview(text) to anon, authenticated;
grant execute on function public.accept_invitation(text) to authenticated;
