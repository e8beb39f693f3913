-- A network's first steps, an invitation's link that can be copied again,
-- and the facilitator told when an invitation is accepted.

-- The link of a pending invitation, kept so that the network's facilitators
-- can copy it again without making a new one (which would break the link
-- already sent). Stored rather than derived from a server secret: deriving
-- would need one secret shared by every process and every mode, and losing
-- or rotating it would silently break every link. The token alone opens no
-- door — accept_invitation() also wants the invited address's account — and
-- the table's policies already show its rows to the network's facilitators
-- only; invitation_preview() never returns it. The hash stays the key the
-- link is looked up by. Invitations made before this file have no token
-- here: their link can only be replaced, not shown again.
alter table public.invitations add column token text
  check (token is null or sha256(convert_to(token, 'UTF8')) = token_hash);
comment on column public.invitations.token is 'The link''s token, shown again to the facilitators; its hash is token_hash.';
grant update (token) on table public.invitations to authenticated;

-- A used or withdrawn link is never shown again.
create or replace function public.forget_closed_invitation_token()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.accepted_at is not null or new.revoked_at is not null then
    new.token := null;
  end if;
  return new;
end;
$$;
revoke execute on function public.forget_closed_invitation_token() from public;
create trigger invitations_forget_token before update on public.invitations
  for each row execute function public.forget_closed_invitation_token();

-- What a new network needs before it runs by itself, each step done or not,
-- as the database sees it. Only a facilitator gets rows: to anyone else the
-- list is empty, not a list of undone steps.
create or replace function public.network_first_steps(network uuid)
returns table (step text, done boolean)
language plpgsql
stable
set search_path = ''
as $$
begin
  if not public.has_role(network, '{facilitator}') then
    return;
  end if;
  return query values
    ('partners', exists (select 1 from public.partners p where p.network_id = network)),
    ('invitations',
      exists (select 1 from public.invitations i where i.network_id = network and i.revoked_at is null)
      or (select count(*) from public.memberships m where m.network_id = network) > 1),
    ('territorial_map',
      exists (select 1 from public.documents d where d.network_id = network and d.kind = 'territorial_map')),
    ('community_pact',
      exists (select 1 from public.documents d where d.network_id = network and d.kind = 'community_pact'));
end;
$$;
revoke execute on function public.network_first_steps(uuid) from public;
grant execute on function public.network_first_steps(uuid) to authenticated;

-- The facilitator who invited someone hears when they accept. A new kind:
-- whoever does not want it turns it off in the settings like the others.
-- Only plpgsql bodies below name it, so it is not used in the transaction
-- that adds it (which Postgres refuses).
alter type public.notification_kind add value if not exists 'invitation_accepted';

create or replace function public.notify_invitation_accepted()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform public.send_notifications(array[new.created_by], '{}', 'invitation_accepted',
    new.network_id, new.accepted_by, '');
  return null;
end;
$$;
revoke execute on function public.notify_invitation_accepted() from public;
create trigger invitations_notify_accepted after update of accepted_at on public.invitations
  for each row when (old.accepted_at is null and new.accepted_at is not null)
  execute function public.notify_invitation_accepted();
