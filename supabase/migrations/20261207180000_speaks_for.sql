-- Who speaks for a partner: a member of its network whose membership names
-- that partner, whatever their role (a public body's official is often a
-- commenter, and adheres to a pact all the same). A pact's proposals and
-- adhesions ask this, so the rule is written once.
create or replace function public.speaks_for(partner uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m
    where m.partner_id = partner and m.user_id = (select auth.uid())
  );
end;
$$;
revoke execute on function public.speaks_for(uuid) from public;
grant execute on function public.speaks_for(uuid) to authenticated;
