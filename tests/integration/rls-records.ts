import { expect } from 'vitest';
import {
	erase,
	exists,
	inAnotherName,
	MEMBERS,
	rewrite,
	sawRow,
	SIGNED_IN,
	textOf,
	wroteRow,
	type Operation,
	type Prepare
} from './rls-types.ts';

// The part of the row-level policy matrix (rls-matrix.test.ts) about what is
// kept around the conversations of rls-conversations.ts: when each person
// last looked, what they are told, and what happened. The rules, as the
// migrations write them:
// - visits: one's own only (still seen after leaving the network), recorded
//   only in one's networks; never deleted.
// - notifications: written by the database alone; seen and marked read by
//   their recipient, while still a member; never changed otherwise or deleted.
// - notification_settings: one's own, for select, insert and update.
// - activity: members read; nobody writes, changes or deletes an entry, not
//   even the service (an append-only trigger); the facilitators export it.

// Rows of the acting person's own (in network A, where a row has a network), written by the service.
const ownNotification: Prepare = (tx, w, self, at) =>
	tx.query(
		`insert into public.notifications (id, recipient_id, network_id, kind, thread_id, excerpt)
		 values ($1, $2, $3, 'reply', $4, 'Ci sono.')`,
		[at.id, self!.id, w.a.id, w.conversationA.threadId]
	);
// Long ago, so that a later look shows.
const ownVisit: Prepare = (tx, w, self) =>
	tx.query(`insert into public.visits (user_id, network_id, subject_id, seen_at) values ($1, $2, $3, '2000-01-01')`, [
		self!.id,
		w.a.id,
		w.conversationA.threadId
	]);
const ownSettings: Prepare = (tx, _w, self) =>
	tx.query(`insert into public.notification_settings (user_id, muted) values ($1, '{}')`, [self!.id]);

/** The activity trigger refuses these to every connection; people are refused before it, by the missing grants. */
const APPEND_ONLY = 'activity_append_only';

export const recordOperations: Operation[] = [
	// visits: select own; insert/update own, in one's networks; never deleted.
	{
		table: 'visits',
		phrase: 'see when it last looked at a thread of network A',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		prepare: ownVisit,
		act: (tx, w, self) =>
			tx.query('select subject_id from public.visits where user_id = $1 and subject_id = $2', [
				self!.id,
				w.conversationA.threadId
			]),
		tookEffect: sawRow
	},
	{
		table: 'visits',
		phrase: 'see when another member last looked at a thread of network A',
		allowed: [],
		act: (tx, w) =>
			tx.query('select subject_id from public.visits where user_id = $1 and subject_id = $2', [
				w.conversationA.reader.id,
				w.conversationA.threadId
			]),
		tookEffect: sawRow
	},
	{
		table: 'visits',
		phrase: 'record that it looked at a thread of network A',
		allowed: MEMBERS,
		// user_id is left to its default, auth.uid(), as the app leaves it.
		act: (tx, w) =>
			tx.query('insert into public.visits (network_id, subject_id) values ($1, $2)', [w.a.id, w.conversationA.threadId]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.visits where user_id = $1 and subject_id = $2', [
				self?.id ?? null,
				w.conversationA.threadId
			])
	},
	...inAnotherName(
		{
			table: 'visits',
			phrase: "record a look at a thread of network A in another person's name",
			act: (tx, w) =>
				tx.query('insert into public.visits (user_id, network_id, subject_id) values ($1, $2, $3)', [
					w.coFacilitator.id,
					w.a.id,
					w.conversationA.threadId
				]),
			tookEffect: (tx, w) =>
				exists(tx, 'select 1 from public.visits where user_id = $1 and subject_id = $2', [
					w.coFacilitator.id,
					w.conversationA.threadId
				])
		},
		'user_id'
	),
	{
		table: 'visits',
		phrase: 'record a new look at a thread of network A',
		actors: SIGNED_IN,
		allowed: MEMBERS,
		prepare: ownVisit,
		act: (tx, w, self) =>
			tx.query('update public.visits set seen_at = now() where user_id = $1 and subject_id = $2', [
				self!.id,
				w.conversationA.threadId
			]),
		tookEffect: (tx, w, self) =>
			exists(tx, `select 1 from public.visits where user_id = $1 and subject_id = $2 and seen_at > '2000-01-01'`, [
				self!.id,
				w.conversationA.threadId
			])
	},
	{
		table: 'visits',
		phrase: 'change when another member last looked at a thread of network A',
		allowed: [],
		act: (tx, w) =>
			tx.query(`update public.visits set seen_at = '2000-01-01' where user_id = $1 and subject_id = $2`, [
				w.conversationA.reader.id,
				w.conversationA.threadId
			]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.visits where user_id = $1 and subject_id = $2 and seen_at = '2000-01-01'`, [
				w.conversationA.reader.id,
				w.conversationA.threadId
			])
	},
	{
		table: 'visits',
		phrase: 'forget that it looked at a thread of network A',
		actors: SIGNED_IN,
		allowed: [],
		prepare: ownVisit,
		act: (tx, w, self) =>
			tx.query('delete from public.visits where user_id = $1 and subject_id = $2', [self!.id, w.conversationA.threadId]),
		tookEffect: async (tx, w, self) =>
			!(await exists(tx, 'select 1 from public.visits where user_id = $1 and subject_id = $2', [
				self!.id,
				w.conversationA.threadId
			]))
	},

	// notifications: written by the database; select and mark read by the recipient, while a member.
	{
		table: 'notifications',
		phrase: 'see a notification addressed to it in network A',
		actors: SIGNED_IN,
		allowed: MEMBERS,
		prepare: ownNotification,
		act: (tx, _w, _self, at) => tx.query('select id from public.notifications where id = $1', [at.id]),
		tookEffect: sawRow
	},
	{
		table: 'notifications',
		phrase: 'see a notification addressed to another member of network A',
		allowed: [],
		act: (tx, w) => tx.query('select id from public.notifications where id = $1', [w.conversationA.notificationId]),
		tookEffect: sawRow
	},
	{
		table: 'notifications',
		phrase: 'mark a notification addressed to it in network A as read',
		actors: SIGNED_IN,
		allowed: MEMBERS,
		prepare: ownNotification,
		act: (tx, _w, _self, at) => tx.query('update public.notifications set read_at = now() where id = $1', [at.id]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.notifications where id = $1 and read_at is not null', [at.id])
	},
	{
		table: 'notifications',
		phrase: 'mark a notification addressed to another member of network A as read',
		allowed: [],
		act: (tx, w) =>
			tx.query('update public.notifications set read_at = now() where id = $1', [w.conversationA.notificationId]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.notifications where id = $1 and read_at is not null', [
				w.conversationA.notificationId
			])
	},
	{
		table: 'notifications',
		phrase: 'write a notification to a member of network A',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.notifications (id, recipient_id, network_id, kind, excerpt) values ($1, $2, $3, 'mention', 'Falso')`,
				[at.id, w.conversationA.reader.id, w.a.id]
			),
		tookEffect: wroteRow('notifications')
	},
	{
		table: 'notifications',
		phrase: 'notify a member of network A through send_notifications()',
		allowed: [],
		act: (tx, w, self, at) =>
			tx.query(`select public.send_notifications(array[$1]::uuid[], '{}', 'mention', $2, $3, $4)`, [
				w.conversationA.reader.id,
				w.a.id,
				self?.id ?? null,
				at.id
			]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.notifications where excerpt = $1', [at.id])
	},
	rewrite('notifications', 'a notification addressed to it in network A', ownNotification, 'excerpt', textOf),
	erase('notifications', 'a notification addressed to it in network A', ownNotification),

	// notification_settings: one's own, for select, insert and update; never deleted.
	{
		table: 'notification_settings',
		phrase: 'see which notifications it turned off',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		prepare: ownSettings,
		act: (tx, _w, self) => tx.query('select user_id from public.notification_settings where user_id = $1', [self!.id]),
		tookEffect: sawRow
	},
	{
		table: 'notification_settings',
		phrase: 'see which notifications another person turned off',
		allowed: [],
		act: (tx, w) =>
			tx.query('select user_id from public.notification_settings where user_id = $1', [w.conversationA.reader.id]),
		tookEffect: sawRow
	},
	{
		table: 'notification_settings',
		phrase: 'turn off comment notifications for itself',
		allowed: SIGNED_IN,
		act: (tx) => tx.query(`insert into public.notification_settings (muted) values ('{comment}')`),
		tookEffect: (tx, _w, self) =>
			exists(tx, `select 1 from public.notification_settings where user_id = $1 and muted = '{comment}'`, [self?.id ?? null])
	},
	...inAnotherName(
		{
			table: 'notification_settings',
			phrase: 'turn off comment notifications for another person',
			act: (tx, w) =>
				tx.query(`insert into public.notification_settings (user_id, muted) values ($1, '{comment}')`, [w.newcomer.id]),
			tookEffect: (tx, w) => exists(tx, 'select 1 from public.notification_settings where user_id = $1', [w.newcomer.id])
		},
		'user_id'
	),
	{
		table: 'notification_settings',
		phrase: 'change which notifications it turned off',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		prepare: ownSettings,
		act: (tx, _w, self) =>
			tx.query(`update public.notification_settings set muted = '{mention}' where user_id = $1`, [self!.id]),
		tookEffect: (tx, _w, self) =>
			exists(tx, `select 1 from public.notification_settings where user_id = $1 and muted = '{mention}'`, [self!.id])
	},
	{
		table: 'notification_settings',
		phrase: 'change which notifications another person turned off',
		allowed: [],
		act: (tx, w) =>
			tx.query(`update public.notification_settings set muted = '{}' where user_id = $1`, [w.conversationA.reader.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.notification_settings where user_id = $1 and muted = '{}'`, [
				w.conversationA.reader.id
			])
	},
	{
		table: 'notification_settings',
		phrase: 'delete its notification settings',
		actors: SIGNED_IN,
		allowed: [],
		prepare: ownSettings,
		act: (tx, _w, self) => tx.query('delete from public.notification_settings where user_id = $1', [self!.id]),
		tookEffect: async (tx, _w, self) =>
			!(await exists(tx, 'select 1 from public.notification_settings where user_id = $1', [self!.id]))
	},

	// activity: select member; export facilitator; written by triggers alone, never changed or deleted.
	{
		table: 'activity',
		phrase: "see an entry of network A's activity record",
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.activity where id = $1', [w.conversationA.activityId]),
		tookEffect: sawRow
	},
	{
		table: 'activity',
		phrase: "export network A's activity record through activity_for_export()",
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('select id::text as id, network_id from public.activity_for_export($1)', [w.a.id]),
		// Any row is an export; a row of another network in it fails the case outright.
		tookEffect: async (_tx, w, _self, rows) => {
			const entries = rows as { id: string; network_id: string }[];
			if (entries.length === 0) return false;
			expect(new Set(entries.map((e) => e.network_id)), 'the networks exported').toEqual(new Set([w.a.id]));
			return entries.some((e) => e.id === w.conversationA.activityId);
		}
	},
	{
		table: 'activity',
		phrase: "add an entry to network A's activity record",
		allowed: [],
		act: (tx, w, self, at) =>
			tx.query(
				`insert into public.activity (network_id, actor_id, action, subject_title) values ($1, $2, 'document_deleted', $3)`,
				[w.a.id, self?.id ?? null, at.id]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.activity where subject_title = $1', [at.id])
	},
	{
		table: 'activity',
		phrase: "add an entry to network A's activity record through record_activity()",
		allowed: [],
		act: (tx, w, self, at) =>
			tx.query(`select public.record_activity($1, $2, 'document_deleted', null, $3)`, [w.a.id, self?.id ?? null, at.id]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.activity where subject_title = $1', [at.id])
	},
	{
		table: 'activity',
		phrase: "rewrite an entry of network A's activity record",
		allowed: [],
		refusedForAll: APPEND_ONLY,
		act: (tx, w, _self, at) =>
			tx.query('update public.activity set subject_title = $2 where id = $1', [w.conversationA.activityId, at.id]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.activity where subject_title = $1', [at.id])
	},
	{
		table: 'activity',
		phrase: "delete an entry of network A's activity record",
		allowed: [],
		refusedForAll: APPEND_ONLY,
		act: (tx, w) => tx.query('delete from public.activity where id = $1', [w.conversationA.activityId]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.activity where id = $1', [w.conversationA.activityId]))
	},
	{
		table: 'activity',
		phrase: 'empty the activity record',
		allowed: [],
		refusedForAll: APPEND_ONLY,
		act: (tx) => tx.query('truncate public.activity'),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.activity where id = $1', [w.conversationA.activityId]))
	}
];
