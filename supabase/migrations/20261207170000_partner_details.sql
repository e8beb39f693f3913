-- Partners as the network knows them: an address, a website, a contact
-- person, a legal representative and a tax code (codice fiscale or partita
-- IVA), and as many of the four systems as they work in (a type-B social
-- cooperative is both social and employment). Their changes, and the
-- invitations, go into the activity record (20261123110200).

-- One system becomes a set of them, never empty, each system once.
alter table public.partners add column systems public.network_system[];
update public.partners set systems = array[system];
alter table public.partners
  alter column systems set not null,
  add constraint partners_systems_not_empty
    check (cardinality(systems) between 1 and 4 and array_position(systems, null) is null);
alter table public.partners drop column system;

-- Whether a tax code's check character is right: the last of an 11-digit
-- code (an organisation's codice fiscale, a partita IVA) or of a person's
-- 16-character codice fiscale. The same algorithm as src/lib/tax-code.ts,
-- which says on the form what is wrong; this makes sure of it whoever writes.
create or replace function public.tax_code_is_valid(code text)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  -- The value of each character (0–9, then A–Z from 0) in an odd position.
  odd constant int[] := array[1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  total int := 0;
  ch text;
  digit int;
begin
  if code ~ '^[0-9]{11}$' then
    for i in 1..10 loop
      digit := substr(code, i, 1)::int;
      if i % 2 = 0 then
        digit := digit * 2;
        if digit > 9 then digit := digit - 9; end if;
      end if;
      total := total + digit;
    end loop;
    return (10 - total % 10) % 10 = substr(code, 11, 1)::int;
  end if;
  if code ~ '^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$' then
    for i in 1..15 loop
      ch := substr(code, i, 1);
      digit := case when ch ~ '[0-9]' then ch::int else ascii(ch) - 65 end;
      total := total + case when i % 2 = 1 then odd[digit + 1] else digit end;
    end loop;
    return chr(65 + total % 26) = substr(code, 16, 1);
  end if;
  return false;
end;
$$;
revoke execute on function public.tax_code_is_valid(text) from public;
-- A check constraint calls it as whoever writes the row.
grant execute on function public.tax_code_is_valid(text) to authenticated;

alter table public.partners
  add column address text not null default '' check (char_length(address) <= 300),
  add column website text not null default ''
    check (website = '' or (website ~ '^https?://[^\s]+$' and char_length(website) <= 300)),
  add column contact_person text not null default '' check (char_length(contact_person) <= 300),
  add column legal_representative text not null default '' check (char_length(legal_representative) <= 200),
  add column tax_code text not null default '' check (tax_code = '' or public.tax_code_is_valid(tax_code));
comment on table public.partners is
  'An organisation taking part in a network: its kind, the systems it works in, who represents it and how to reach it.';
comment on column public.partners.systems is 'The systems (health, social, training, employment) the partner works in: one or more, each once, in the vocabulary''s order.';
comment on column public.partners.tax_code is 'Codice fiscale (16 characters for a person, 11 digits for an organisation) or partita IVA (11 digits), upper case, or empty.';

-- The same set, however it was written: each system once, in the enum's order,
-- so that comparing two sets (and saying what changed) is comparing arrays.
create or replace function public.partners_normalise_systems()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.systems := array(select distinct s from unnest(new.systems) s where s is not null order by s);
  return new;
end;
$$;
revoke execute on function public.partners_normalise_systems() from public;
create trigger partners_normalise_systems before insert or update of systems on public.partners
  for each row execute function public.partners_normalise_systems();

-- Facilitators edit partners (the policies of 20261123090100), column by column.
grant update (name, kind, systems, description, address, website, contact_person, legal_representative, tax_code)
  on table public.partners to authenticated;

alter type public.activity_action add value 'partner_added';
alter type public.activity_action add value 'partner_edited';
alter type public.activity_action add value 'partner_removed';
alter type public.activity_action add value 'invitation_sent';
alter type public.activity_action add value 'invitation_accepted';
alter type public.activity_action add value 'invitation_revoked';

-- A partner added, edited (naming the fields that changed, and the former
-- name and systems when those changed) or removed.
create or replace function public.partners_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
  changed text[];
begin
  if tg_op = 'INSERT' then
    -- Partners written with no one signed in (the demo's seed) are the network creator's doing.
    perform public.record_activity(new.network_id,
      coalesce(actor, (select n.created_by from public.networks n where n.id = new.network_id)), 'partner_added', new.id, new.name,
      jsonb_build_object('kind', new.kind, 'systems', to_jsonb(new.systems)));
  elsif tg_op = 'UPDATE' then
    -- The changed columns by name; the sentence lists them in the form's order.
    select array_agg(key order by key) into changed
    from jsonb_each(to_jsonb(new)) as after (key, value)
    where key not in ('id', 'network_id', 'created_at', 'updated_at')
      and value is distinct from to_jsonb(old) -> key;
    if changed is not null then
      perform public.record_activity(new.network_id, actor, 'partner_edited', new.id, new.name,
        jsonb_build_object('fields', to_jsonb(changed))
        || case when new.name is distinct from old.name then jsonb_build_object('from', old.name) else '{}'::jsonb end
        || case when new.systems is distinct from old.systems
             then jsonb_build_object('systemsFrom', to_jsonb(old.systems), 'systemsTo', to_jsonb(new.systems))
             else '{}'::jsonb end);
    end if;
  else
    perform public.record_activity(old.network_id, actor, 'partner_removed', old.id, old.name);
  end if;
  return null;
end;
$$;
revoke execute on function public.partners_activity() from public;
create trigger partners_activity after insert or update or delete on public.partners
  for each row execute function public.partners_activity();

-- An invitation sent, accepted or withdrawn, about the address it was sent to.
-- A new link for a pending invitation (a new token) is not an event.
create or replace function public.invitations_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  partner_name text := (select p.name from public.partners p where p.id = new.partner_id);
  about jsonb := jsonb_strip_nulls(jsonb_build_object('role', new.role, 'partner', partner_name));
begin
  if tg_op = 'INSERT' then
    perform public.record_activity(new.network_id, coalesce((select auth.uid()), new.created_by), 'invitation_sent',
      new.id, new.email, about);
  elsif new.accepted_at is not null and old.accepted_at is null then
    perform public.record_activity(new.network_id, coalesce(new.accepted_by, (select auth.uid())), 'invitation_accepted',
      new.id, new.email, about);
  elsif new.revoked_at is not null and old.revoked_at is null then
    perform public.record_activity(new.network_id, (select auth.uid()), 'invitation_revoked', new.id, new.email, about);
  end if;
  return null;
end;
$$;
revoke execute on function public.invitations_activity() from public;
create trigger invitations_activity_insert after insert on public.invitations
  for each row execute function public.invitations_activity();
create trigger invitations_activity_update after update of accepted_at, revoked_at on public.invitations
  for each row execute function public.invitations_activity();
