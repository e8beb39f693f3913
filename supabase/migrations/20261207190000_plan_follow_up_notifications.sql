-- A plan's follow-up in the activity record and the notifications: a
-- progress update tells the network's facilitators, a verification tells the
-- people who speak for the action's lead partner, each notification leading
-- to the action (notifications.plan_action_id). Written by triggers on the
-- append-only rows (20261207186000_plan_follow_up.sql), so whatever writes a
-- row, the record and the people hear of it. The action's title is the one
-- projected when the row is written; the subject is the co-design document.

create or replace function public.plan_progress_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  told uuid[];
  action_title text;
  document_title text;
begin
  select a.title into action_title from public.plan_actions a where a.document_id = new.document_id and a.id = new.action_id;
  select d.title into document_title from public.documents d where d.id = new.document_id;
  perform public.record_activity(new.network_id, new.posted_by, 'plan_progress_posted', new.document_id, document_title,
    jsonb_strip_nulls(jsonb_build_object('action', new.action_id, 'title', action_title, 'status', new.status, 'percent', new.percent)));
  told := public.send_notifications(array(
      select m.user_id from public.memberships m where m.network_id = new.network_id and m.role = 'facilitator'),
    '{}', 'plan_progress', new.network_id, new.posted_by, coalesce(action_title, ''), document => new.document_id);
  -- send_notifications() names documents, not actions: its rows of this kind, about this document, in this
  -- transaction, for these people and not yet tied, are exactly these.
  update public.notifications n set plan_action_id = new.action_id
  where n.recipient_id = any (told) and n.document_id = new.document_id and n.kind = 'plan_progress'
    and n.plan_action_id is null and n.created_at = now();
  return null;
end;
$$;
revoke execute on function public.plan_progress_activity() from public;
create trigger plan_progress_activity after insert on public.plan_progress
  for each row execute function public.plan_progress_activity();

create or replace function public.plan_verifications_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  told uuid[];
  verified record;
  document_title text;
begin
  select a.title, a.lead_partner_id into verified from public.plan_actions a
  where a.document_id = new.document_id and a.id = new.action_id;
  select d.title into document_title from public.documents d where d.id = new.document_id;
  perform public.record_activity(new.network_id, new.recorded_by, 'plan_verified', new.document_id, document_title,
    jsonb_strip_nulls(jsonb_build_object('action', new.action_id, 'title', verified.title, 'verdict', new.verdict,
      'next', new.next_action_id)));
  told := public.send_notifications(array(
      select m.user_id from public.memberships m
      where m.network_id = new.network_id and m.partner_id is not null and m.partner_id = verified.lead_partner_id),
    '{}', 'plan_verified', new.network_id, new.recorded_by, coalesce(verified.title, ''), document => new.document_id);
  -- send_notifications() names documents, not actions: its rows of this kind, about this document, in this
  -- transaction, for these people and not yet tied, are exactly these.
  update public.notifications n set plan_action_id = new.action_id
  where n.recipient_id = any (told) and n.document_id = new.document_id and n.kind = 'plan_verified'
    and n.plan_action_id is null and n.created_at = now();
  return null;
end;
$$;
revoke execute on function public.plan_verifications_activity() from public;
create trigger plan_verifications_activity after insert on public.plan_verifications
  for each row execute function public.plan_verifications_activity();
