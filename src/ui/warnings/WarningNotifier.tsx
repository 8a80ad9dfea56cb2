// On app open: one notification "N risk warnings in <book>" when the user opted in
// on this device, the browser allows it, and none was shown today for this book.
// Renders nothing; mounted once by the shell.
import { createEffect } from 'solid-js';
import { todayLocal } from '../../domain/calendar';
import type { Id } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { book } from '../state/book';
import { sessionState } from '../state/session';
import { today } from '../state/today';
import { lastNotified, markNotified, notifyEnabled, notifyPermission, shouldNotify } from './notify';

async function show(title: string, body: string, tag: string): Promise<void> {
  // Some browsers (Chrome on Android) only show notifications through a service worker.
  const reg = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (reg) {
    await reg.showNotification(title, { body, tag, icon: '/favicon.svg' });
    return;
  }
  new Notification(title, { body, tag, icon: '/favicon.svg' });
}

async function notifyOnOpen(bookId: Id, bookName: string): Promise<void> {
  const day = todayLocal();
  const facts = { enabled: notifyEnabled(), permission: notifyPermission(), lastShown: lastNotified(bookId), day, count: 1 };
  // Ask the worker only when the answer could matter.
  if (!shouldNotify(facts)) return;
  const count = await api().warningCount(bookId, today()).catch(() => 0);
  if (!shouldNotify({ ...facts, count })) return;
  markNotified(bookId, day);
  await show(t('warnings.notify.title'), t('warnings.notify.body', { count, book: bookName }), `overdue-warnings-${bookId}`).catch(() => undefined);
}

export function WarningNotifier() {
  let done = false;
  createEffect(() => {
    const b = book();
    if (done || sessionState() !== 'ready' || !b) return;
    done = true;
    void notifyOnOpen(b.id, b.name);
  });
  return null;
}
