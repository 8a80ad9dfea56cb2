// The words for a sync status, shared by the sidebar and the settings panel.
import type { SyncErrorKind, SyncStatus } from '../../api/sync';
import { fmtDateTime, fmtNumber, t, tDynamic } from '../../i18n';

export function errorReason(kind: SyncErrorKind): string {
  return tDynamic(`sync.error.${kind}`, undefined, kind);
}

/** The main line: synced when, syncing, offline, or failed with why. */
export function statusLine(s: SyncStatus, online: boolean): string {
  if (!online || s.phase === 'offline') return t('sync.status.offline');
  if (s.phase === 'syncing') return t('sync.status.syncing');
  if (s.phase === 'error' && s.error) return t('sync.status.error', { reason: errorReason(s.error.kind) });
  return s.lastSyncAt ? t('sync.status.idle', { when: fmtDateTime(s.lastSyncAt) }) : t('sync.status.never');
}

/** The small print: changes waiting, the next retry. */
export function statusDetails(s: SyncStatus): string[] {
  const out: string[] = [];
  if (s.pending > 0) out.push(t('sync.status.pending', { count: fmtNumber(s.pending) }));
  if (s.retryAt !== null && (s.phase === 'error' || s.phase === 'offline')) out.push(t('sync.status.retry', { time: fmtDateTime(s.retryAt) }));
  return out;
}

/** The phase the indicator shows (the browser's own offline flag wins). */
export const shownPhase = (s: SyncStatus, online: boolean): string => (!online ? 'offline' : s.phase);
