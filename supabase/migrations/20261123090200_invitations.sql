-- Invitations: a single-use link with an expiry, bound to the invited email.
-- Only the SHA-256 of the token is stored, so a database dump opens no door.

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  email text not null check (email = lower(btrim(email)) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  role public.network_role not null,
  partner_id uuid,
  token_hash bytea not null unique check (octet_length(token_hash) = 32),
  expires_at timestamptz not null,
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  foreign key (partner_id, network_id) references public.partners (id, network_id)
    on delete set null (partner_id)
);
comment on table public.invitations is 'Pending and past invitations to a network; the link carries a token whose hash is stored here.';
create index invitations_network on public.invitations (network_id);
-- One open invitation per address and network: inviting again replaces it.
create unique index invitations_one_open_per_email on public.invitations (network_id, email)
  where accepted_at is null and revoked_at is null;
alter table public.invitations enable row level security;

create policy invitations_select on public.invitations for select to authenticated
  using (public.has_role(network_id, '{facilitator}'));
create policy invitations_insert on public.invitations for insert to authenticated
  with check (public.has_role(network_id, '{facilitator}') and created_by = (select auth.uid()));
create policy invitations_update on public.invitations for update to authenticated
  using (public.has_role(network_id, '{facilitator}'))
  with check (public.has_role(network_id, '{facilitator}'));
create policy invitations_delete on public.invitations for delete to authenticated
  using (public.has_role(network_id, '{facilitator}'));

grant select, insert, delete on table public.invitations to authenticated;
grant update (role, partner_id, token_hash, expires_at, revoked_at) on table public.invitations to authenticated;

-- What the holder of a link may learn before accepting: the token is the
-- capability, so this is open to anonymous visitors too.
create or replace function public.invitation_preview(invite_token text)
returns table (
  network_id uuid,
  network_name text,
  territory text,
  email text,
  role public.network_role,
  partner_name text,
  invited_by text,
  expires_at timestamptz,
  status text
)
language sql
stable
security definer
set search_path = ''
as $$
  select
    i.network_id,
    n.name,
    n.territory,
    i.email,
    i.role,
    p.name,
    inviter.display_name,
    i.expires_at,
    case
      when i.revoked_at is not null then 'revoked'
      when i.accepted_at is not null then 'used'
      when i.expires_at <= now() then 'expired'
      else 'valid'
    end
  from public.invitations i
  join public.networks n on n.id = i.network_id
  left join public.partners p on p.id = i.partner_id
  left join public.profiles inviter on inviter.id = i.created_by
  where i.token_hash = sha256(convert_to(invite_token, 'UTF8'));
$$;
revoke execute on function public.invitation_preview(text) from public;
grant execute on function public.invitation_preview(text) to anon, authenticated;

-- Accepting runs as the definer because the invitee is not a member yet and
-- so may not insert a membership under the table's own policies. Every check
-- the policies would make is made here instead, under a row lock so that a
-- link can be used once even when clicked twice at the same moment.
create or replace function public.accept_invitation(invite_token text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  my_email text;
  inv public.invitations;
begin
  if me is null then
    raise exception 'not_authenticated' using errcode = 'P0001';
  end if;
  select * into inv from public.invitations
    where token_hash = sha256(convert_to(invite_token, 'UTF8'))
    for update;
  if not found then
    raise exception 'invitation_invalid' using errcode = 'P0001';
  end if;
  if inv.revoked_at is not null then
    raise exception 'invitation_revoked' using errcode = 'P0001';
  end if;
  if inv.accepted_at is not null then
    raise exception 'invitation_used' using errcode = 'P0001';
  end if;
  if inv.expires_at <= now() then
    raise exception 'invitation_expired' using errcode = 'P0001';
  end if;
  select lower(u.email) into my_email from auth.users u where u.id = me;
  if my_email is distinct from inv.email then
    raise exception 'invitation_wrong_account' using errcode = 'P0001';
  end if;

  insert into public.memberships (network_id, user_id, role, partner_id)
  values (inv.network_id, me, inv.role, inv.partner_id)
  on conflict (network_id, user_id) do nothing;

  update public.invitations
    set accepted_at = now(), accepted_by = me
    where id = inv.id;
  return inv.network_id;
end;
$$;
revoke execute on function public.accept_invitation(text) from public;
grant execute on function public.accept_invitation(text) to authenticated;
