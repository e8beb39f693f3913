-- The words a plan's follow-up adds to the activity record and the
-- notifications: a progress update posted, a verification recorded. The
-- triggers that write them come after notifications can name an action
-- (20261207190000_plan_follow_up_notifications.sql).

alter type public.activity_action add value if not exists 'plan_progress_posted';
alter type public.activity_action add value if not exists 'plan_verified';
alter type public.notification_kind add value if not exists 'plan_progress';
alter type public.notification_kind add value if not exists 'plan_verified';
