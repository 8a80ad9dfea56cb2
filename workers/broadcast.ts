// Tells the workers of other tabs that a book changed, so they replay its new
// change-log entries before answering again.

import type { Id } from '../src/domain/types';

export const CHANNEL_NAME = 'overdue-changes';

export interface ChangeNotifier {
  publish(bookId: Id): void;
  close(): void;
}

export function changeChannel(onRemoteChange: (bookId: Id) => void): ChangeNotifier {
  if (typeof BroadcastChannel === 'undefined') return { publish: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent) => {
    const bookId = (event.data as { bookId?: unknown } | null)?.bookId;
    if (typeof bookId === 'string') onRemoteChange(bookId);
  };
  // Node (tests, bench): an open channel must not keep the process alive.
  (channel as unknown as { unref?: () => void }).unref?.();
  return {
    publish: (bookId) => channel.postMessage({ bookId }),
    close: () => channel.close(),
  };
}
