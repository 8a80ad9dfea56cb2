// "Notify me when the app opens": an opt-in per device (localStorage), and at most
// one notification a day per book, remembered per book. The decision is a pure
// function; the browser parts (Notification, localStorage) are thin wrappers.
import type { Id, IsoDate } from '../../domain/types';

const ENABLED_KEY = 'overdue.notifyWarnings';
const shownKey = (bookId: Id) => `overdue.notifiedWarnings.${bookId}`;

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export interface NotifyFacts {
  enabled: boolean;
  permission: NotifyPermission;
  /** The day a notification was last shown for this book, or null. */
  lastShown: IsoDate | null;
  /** The real calendar day (not the as-of override). */
  day: IsoDate;
  /** Active warnings in the book. */
  count: number;
}

/** Show one only when asked for, allowed, not yet shown today for this book, and there is something to say. */
export function shouldNotify(f: NotifyFacts): boolean {
  return f.enabled && f.permission === 'granted' && f.lastShown !== f.day && f.count > 0;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

export function notifySupported(): boolean {
  return typeof Notification !== 'undefined';
}

export function notifyPermission(): NotifyPermission {
  return notifySupported() ? Notification.permission : 'unsupported';
}

export function notifyEnabled(): boolean {
  return read(ENABLED_KEY) === '1';
}

export function setNotifyEnabled(on: boolean): void {
  write(ENABLED_KEY, on ? '1' : null);
}

export function lastNotified(bookId: Id): IsoDate | null {
  return read(shownKey(bookId));
}

export function markNotified(bookId: Id, day: IsoDate): void {
  write(shownKey(bookId), day);
}
