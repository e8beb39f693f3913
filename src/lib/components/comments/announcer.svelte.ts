import { tick } from 'svelte';
import { t, type MessageKey } from '$lib/i18n';
import type { Arrival } from '$lib/comments/arrivals';

const MESSAGE: Record<Arrival['kind'], MessageKey> = {
	comment: 'comments.arrived',
	reply: 'comments.replyArrived',
	resolved: 'comments.resolvedArrived',
	reopened: 'comments.reopenedArrived'
};

const excerpt = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 59)}…` : quote);

/**
 * What a list of comments tells screen readers through its live region:
 * what this person's forms did, and what others did while it was open.
 */
export class Announcer {
	text = $state('');
	/** Resolutions this person made: the reload they cause is not news to them. */
	readonly #mine = new Set<string>();

	async say(message: string) {
		// Emptied first, so the same words said twice are heard twice.
		this.text = '';
		await tick();
		this.text = message;
	}

	/** Before this person resolves or reopens a comment. */
	resolving(commentId: string) {
		this.#mine.add(commentId);
	}

	/** Tells what others did between two loads of the comments. */
	tell(found: Arrival[]) {
		const news = found.filter((a) => !((a.kind === 'resolved' || a.kind === 'reopened') && this.#mine.delete(a.commentId)));
		if (news.length === 0) return;
		void this.say(
			news.map((a) => t(MESSAGE[a.kind], { name: a.name ?? t('comments.someone'), quote: excerpt(a.quote) })).join(' ')
		);
	}
}
