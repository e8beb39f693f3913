-- How many of a network's threads are open and closed, for the labels of
-- the discussions filters, on every load of the list. Counting under
-- row-level security would ask is_member() once per thread; this asks it
-- once. The rule is threads_select's own: a network's members see all its
-- threads, and anyone else sees none, so a stranger counts zero.
create or replace function public.thread_counts(network uuid)
returns table (open_count integer, closed_count integer)
language sql
stable
security definer
set search_path = ''
as $$
  select (count(*) filter (where not t.closed))::integer, (count(*) filter (where t.closed))::integer
  from public.threads t
  where public.is_member(thread_counts.network) and t.network_id = thread_counts.network;
$$;
revoke execute on function public.thread_counts(uuid) from public;
grant execute on function public.thread_counts(uuid) to authenticated;
