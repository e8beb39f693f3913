-- Bodies are limited by their length as people read them: a mention
-- @[Name](mention:<id>) counts as @Name. The composer shows names
-- (@Anna Colombo), counts what it shows, and the server writes each name as
-- a mention on posting (writeMentions in src/lib/mentions.ts): the limit a
-- form announces is the limit here, though the stored text runs longer by
-- the mentions' ids. The stored text stays bounded: a mention reads as at
-- least two characters and stores as at most 169, so 100 times the limit
-- is never reached by text a person could read within it.

create or replace function public.readable_length(body text)
returns integer
language sql
immutable
set search_path = ''
as $$
  select char_length(btrim(regexp_replace(body,
    '@\[([^\]\n]{1,120})\]\(mention:[0-9a-fA-F-]{36}\)', '@\1', 'g')));
$$;
revoke execute on function public.readable_length(text) from public;
-- A check runs as the person inserting.
grant execute on function public.readable_length(text) to authenticated, service_role;

alter table public.threads drop constraint threads_body_check,
  add constraint threads_body_check
    check (public.readable_length(body) between 1 and 20000 and char_length(body) <= 2000000);
alter table public.thread_messages drop constraint thread_messages_body_check,
  add constraint thread_messages_body_check
    check (public.readable_length(body) between 1 and 20000 and char_length(body) <= 2000000);
alter table public.comments drop constraint comments_body_check,
  add constraint comments_body_check
    check (public.readable_length(body) between 1 and 5000 and char_length(body) <= 500000);
alter table public.comment_replies drop constraint comment_replies_body_check,
  add constraint comment_replies_body_check
    check (public.readable_length(body) between 1 and 5000 and char_length(body) <= 500000);
