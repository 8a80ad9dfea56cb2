// A confirmation to show on the NEXT page (after a save that navigates away),
// kept for one page load in sessionStorage as a message key and params.
import type { MessageKey, Params } from '../../i18n';

const KEY = 'overdue.flash';

export interface PendingFlash {
  key: MessageKey;
  params?: Params;
}

export function savePendingFlash(f: PendingFlash): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(f));
  } catch {
    // Without session storage the next page simply shows no confirmation.
  }
}

export function takePendingFlash(): PendingFlash | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    sessionStorage.removeItem(KEY);
    const parsed = JSON.parse(raw) as PendingFlash;
    return typeof parsed.key === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
