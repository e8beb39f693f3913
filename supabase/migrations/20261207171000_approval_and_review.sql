-- "Approvato" means approved, and a review is a step people are told about.
--
-- Approving keeps a named version of the text (document_approvals names it)
-- and makes the document read-only for everyone: may_write_document refuses
-- it as it refuses an archived one, so the policies on versions and the
-- collab server's admission (and its recheck on the status announcement)
-- follow. Only a facilitator brings it back to draft or review, with a
-- reason kept in document_reopenings and in the activity record. Comments
-- stay open on an approved text: they never change it.
--
-- Asking for review (status in_review, with an optional deadline in
-- documents.review_due) notifies the members who may comment; each request
-- is kept in document_reviews, and send_review_reminders(), run every hour
-- by the app, tells them again the day before the deadline, once.

create or replace function public.may_write_document(document uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.documents d
    where d.id = document and d.status not in ('approved', 'archived')
      and public.has_role(d.network_id, '{facilitator,editor}')
  );
end;
$$;

-- The version each approval kept. Only ever added to, like the versions.
create table public.document_approvals (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  version_id uuid not null references public.document_versions (id) on delete cascade,
  approved_by uuid default auth.uid() references auth.users (id) on delete set null,
  approved_at timestamptz not null default now()
);
comment on table public.document_approvals is 'Each approval of a document and the named version of the text it kept.';
create index document_approvals_document on public.document_approvals (document_id, approved_at desc);
create index document_approvals_version on public.document_approvals (version_id);
alter table public.document_approvals enable row level security;

-- Why an approved document was opened again, and by whom.
create table public.document_reopenings (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  reason text not null check (char_length(btrim(reason)) between 1 and 500),
  reopened_by uuid default auth.uid() references auth.users (id) on delete set null,
  reopened_at timestamptz not null default now()
);
comment on table public.document_reopenings is 'Each reopening of an approved document by a facilitator, with its reason.';
create index document_reopenings_document on public.document_reopenings (document_id, reopened_at desc);
alter table public.document_reopenings enable row level security;

create policy document_approvals_select on public.document_approvals for select to authenticated
  using (public.is_document_member(document_id));
-- A facilitator approves a document not yet approved, keeping one of its own versions.
create policy document_approvals_insert on public.document_approvals for insert to authenticated
  with check (
    approved_by = (select auth.uid())
    and exists (
      select 1 from public.documents d
      where d.id = document_id and d.status <> 'approved' and public.has_role(d.network_id, '{facilitator}')
    )
    and exists (select 1 from public.document_versions v where v.id = version_id and v.document_id = document_approvals.document_id)
  );
create policy document_reopenings_select on public.document_reopenings for select to authenticated
  using (public.is_document_member(document_id));
create policy document_reopenings_insert on public.document_reopenings for insert to authenticated
  with check (
    reopened_by = (select auth.uid())
    and exists (
      select 1 from public.documents d
      where d.id = document_id and d.status = 'approved' and public.has_role(d.network_id, '{facilitator}')
    )
  );
grant select on table public.document_approvals, public.document_reopenings to authenticated;
grant insert (document_id, version_id) on table public.document_approvals to authenticated;
grant insert (document_id, reason) on table public.document_reopenings to authenticated;

-- The deadline of the review under way, null when there is none (or no review).
alter table public.documents add column review_due date;
grant update (review_due) on table public.documents to authenticated;

-- Each request for review, and when its reminder went out.
create table public.document_reviews (
  id bigint generated always as identity primary key,
  document_id uuid not null references public.documents (id) on delete cascade,
  requested_by uuid references auth.users (id) on delete set null,
  requested_at timestamptz not null default now(),
  due date,
  reminded_at timestamptz
);
comment on table public.document_reviews is 'Requests for review of a document, with their deadline and reminder; written by triggers.';
create index document_reviews_document on public.document_reviews (document_id, id desc);
create index document_reviews_pending on public.document_reviews (due) where reminded_at is null and due is not null;
alter table public.document_reviews enable row level security;
create policy document_reviews_select on public.document_reviews for select to authenticated
  using (public.is_document_member(document_id));
grant select on table public.document_reviews to authenticated;

-- What a person may not do to a document's status and title, whatever the
-- path: approve without keeping a version (approve_document does both),
-- reopen without a reason (reopen_document), rename an approved text.
create or replace function public.documents_approval_rules()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- A deadline belongs to a review under way.
  if new.status <> 'in_review' then
    new.review_due := null;
  end if;
  if tg_op = 'UPDATE' and old.status = 'approved' and new.status = 'approved' and new.title is distinct from old.title then
    raise exception 'document_approved' using errcode = '42501';
  end if;
  -- The service is trusted with statuses as they are; anyone but a
  -- facilitator is refused by the policies, with their own answer.
  if (select auth.uid()) is null or not public.has_role(new.network_id, '{facilitator}') then
    return new;
  end if;
  if new.status = 'approved' and (tg_op = 'INSERT' or old.status <> 'approved')
     and not exists (select 1 from public.document_approvals a where a.document_id = new.id and a.approved_at = now()) then
    raise exception 'approval_needs_version' using errcode = '42501';
  end if;
  if tg_op = 'UPDATE' and old.status = 'approved' and new.status in ('draft', 'in_review')
     and not exists (select 1 from public.document_reopenings r where r.document_id = new.id and r.reopened_at = now()) then
    raise exception 'reopen_needs_reason' using errcode = '42501';
  end if;
  return new;
end;
$$;
revoke execute on function public.documents_approval_rules() from public;
create trigger documents_approval_rules before insert or update of title, status, review_due on public.documents
  for each row execute function public.documents_approval_rules();

-- Approves as the person (security invoker: every step under the policies):
-- the text as the server read it from the collab server becomes a named
-- version, the approval names it, and the status follows, in one transaction.
create or replace function public.approve_document(document uuid, state bytea, content_text text, version_name text)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
  kept uuid;
begin
  insert into public.document_versions (document_id, name, state, content_text)
  values (document, version_name, state, content_text)
  returning id into kept;
  insert into public.document_approvals (document_id, version_id) values (document, kept);
  update public.documents set status = 'approved' where id = document;
  if not found then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  return kept;
end;
$$;
revoke execute on function public.approve_document(uuid, bytea, text, text) from public;
grant execute on function public.approve_document(uuid, bytea, text, text) to authenticated;

-- Reopens an approved document as the person, keeping the reason.
create or replace function public.reopen_document(document uuid, to_status public.document_status, reason text)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if to_status not in ('draft', 'in_review') then
    raise exception 'reopen_status' using errcode = '22023';
  end if;
  insert into public.document_reopenings (document_id, reason) values (document, btrim(reason));
  update public.documents set status = to_status where id = document;
  if not found then
    raise exception 'forbidden' using errcode = '42501';
  end if;
end;
$$;
revoke execute on function public.reopen_document(uuid, public.document_status, text) from public;
grant execute on function public.reopen_document(uuid, public.document_status, text) to authenticated;

-- The activity record says why a document was reopened, which version its
-- approval kept, and the deadline a review was given.
create or replace function public.documents_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
  details jsonb;
begin
  if tg_op = 'INSERT' then
    perform public.record_activity(new.network_id, coalesce(actor, new.created_by), 'document_created', new.id, new.title,
      jsonb_build_object('kind', new.kind));
  elsif tg_op = 'UPDATE' then
    if new.title is distinct from old.title then
      perform public.record_activity(new.network_id, actor, 'document_renamed', new.id, new.title,
        jsonb_build_object('from', old.title, 'to', new.title));
    end if;
    if new.status is distinct from old.status then
      details := jsonb_build_object('from', old.status, 'to', new.status);
      if new.status = 'approved' then
        details := details || coalesce((
          select jsonb_build_object('version', a.version_id) from public.document_approvals a
          where a.document_id = new.id and a.approved_at = now() limit 1), '{}');
      elsif old.status = 'approved' then
        details := details || coalesce((
          select jsonb_build_object('reason', r.reason) from public.document_reopenings r
          where r.document_id = new.id and r.reopened_at = now() limit 1), '{}');
      end if;
      if new.review_due is not null then
        details := details || jsonb_build_object('due', new.review_due);
      end if;
      perform public.record_activity(new.network_id, actor, 'document_status_changed', new.id, new.title, details);
    end if;
  else
    perform public.record_activity(old.network_id, actor, 'document_deleted', old.id, old.title);
  end if;
  return null;
end;
$$;

alter type public.notification_kind add value if not exists 'review_requested';
alter type public.notification_kind add value if not exists 'review_reminder';

-- The members who may comment on a document (may_comment's roles).
create or replace function public.document_reviewers(network uuid)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return array(
    select m.user_id from public.memberships m
    where m.network_id = network and m.role in ('facilitator', 'editor', 'commenter')
  );
end;
$$;
revoke execute on function public.document_reviewers(uuid) from public;

-- A document put in review (or given a new deadline while in review) is a
-- new request; only putting it in review tells the reviewers.
create or replace function public.documents_review()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := coalesce((select auth.uid()), new.created_by);
  entering boolean := tg_op = 'INSERT' or old.status <> 'in_review';
begin
  if new.status <> 'in_review' or not (entering or new.review_due is distinct from old.review_due) then
    return null;
  end if;
  insert into public.document_reviews (document_id, requested_by, due) values (new.id, actor, new.review_due);
  if entering then
    perform public.send_notifications(public.document_reviewers(new.network_id), '{}', 'review_requested',
      new.network_id, actor, '', document => new.id);
  end if;
  return null;
end;
$$;
revoke execute on function public.documents_review() from public;
create trigger documents_review_insert after insert on public.documents
  for each row execute function public.documents_review();
create trigger documents_review_update after update of status, review_due on public.documents
  for each row execute function public.documents_review();

-- Sends the reminders due at `at`: on the day before a review's deadline
-- (or on the day itself, if the day before was missed), for the request
-- under way, unless it was made too late for a reminder to say anything
-- new. Marking the request and notifying are one statement's work, and a
-- request already marked is never picked again (a concurrent call waits on
-- the row and then finds it marked): each reminder goes out once.
-- Returns how many requests were reminded.
create or replace function public.send_review_reminders(at timestamptz default now())
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  today date := (at at time zone 'Europe/Rome')::date;
  due record;
  sent integer := 0;
begin
  for due in
    update public.document_reviews r set reminded_at = at
    from public.documents d
    where d.id = r.document_id and d.status = 'in_review'
      and r.reminded_at is null and r.due is not null
      and today between r.due - 1 and r.due
      and (r.requested_at at time zone 'Europe/Rome')::date < r.due - 1
      and r.id = (select max(x.id) from public.document_reviews x where x.document_id = r.document_id)
    returning r.document_id, d.network_id
  loop
    perform public.send_notifications(public.document_reviewers(due.network_id), '{}', 'review_reminder',
      due.network_id, null, '', document => due.document_id);
    sent := sent + 1;
  end loop;
  return sent;
end;
$$;
revoke execute on function public.send_review_reminders(timestamptz) from public;
