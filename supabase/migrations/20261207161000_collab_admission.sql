-- The collab server's admission in one statement, so in one round trip:
-- who the person is on the document's network and whether they may write
-- it, asked as that person (role authenticated, their claims), exactly as
-- withUser's transaction asks it. A socket opening used to take five round
-- trips (begin, the claims, the question, commit, after the session's); on a
-- busy server each one is a wake-up of both processes.
--
-- For the service's own connection only (trama_collab is closed to the API's
-- roles), called on its own: it takes the person's role and claims for the
-- question and gives them back before returning.
create function trama_collab.admission(claims text, document uuid)
returns table (network_id uuid, role public.network_role, may_write boolean, display_name text)
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('request.jwt.claims', claims, true);
  perform set_config('role', 'authenticated', true);
  return query
    select a.network_id, a.role, public.may_write_document(document),
           (select p.display_name from public.profiles p where p.id = (select auth.uid()))
    from public.document_access(document) a;
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
end;
$$;
revoke execute on function trama_collab.admission(text, uuid) from public;
