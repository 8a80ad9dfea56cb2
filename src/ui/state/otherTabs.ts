// Another tab wrote to a book: its worker announces it on a BroadcastChannel
// (workers/broadcast.ts). Refetch here too, so two open tabs agree.
import { CHANNEL_NAME } from '../../../workers/broadcast';
import { bookId } from './book';
import { bumpChanged } from './changed';

/** Starts listening; returns the function that stops it. */
export function followOtherTabs(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL_NAME);
  let timer: number | undefined;
  channel.onmessage = (event: MessageEvent) => {
    const changed = (event.data as { bookId?: unknown } | null)?.bookId;
    if (typeof changed !== 'string' || changed !== bookId()) return;
    // Give this tab's worker a moment to take the same message and replay the change.
    window.clearTimeout(timer);
    timer = window.setTimeout(bumpChanged, 150);
  };
  return () => {
    window.clearTimeout(timer);
    channel.close();
  };
}
