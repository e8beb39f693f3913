// Work the app process does on a timer (the file sweep, review reminders):
// soon after start, then every `every` ms, never two rounds at once, a
// failure logged and simply tried again next round. The returned stop waits
// for a round under way, so that closing the database never cuts one short.
import { log } from './log.ts';

export function startPeriodic(name: string, task: () => Promise<unknown>, every: number, firstAfter = 5_000): () => Promise<void> {
	let running: Promise<unknown> = Promise.resolve();
	const round = () => {
		running = running.then(() => task()).catch((error: unknown) => log.error({ err: error }, `${name} failed, tried again later`));
	};
	const first = setTimeout(round, firstAfter);
	const timer = setInterval(round, every);
	first.unref();
	timer.unref();
	return async () => {
		clearTimeout(first);
		clearInterval(timer);
		await running;
	};
}
