// "Today" for every as-of query: the local calendar date, unless the user set
// an override (kept in localStorage 'overdue.today') to look at a past or future day.
import { createSignal } from 'solid-js';
import { isIsoDate, todayLocal } from '../../domain/calendar';
import type { IsoDate } from '../../domain/types';

const STORAGE_KEY = 'overdue.today';

function readOverride(): IsoDate | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v && isIsoDate(v) ? v : null;
  } catch {
    return null;
  }
}

const [override, setOverrideSignal] = createSignal<IsoDate | null>(readOverride());
const [realToday, setRealToday] = createSignal<IsoDate>(todayLocal());

// A tab left open overnight should move on to the new day.
if (typeof window !== 'undefined') {
  window.setInterval(() => {
    const now = todayLocal();
    if (now !== realToday()) setRealToday(now);
  }, 60_000);
}

export const todayOverride = override;

export function today(): IsoDate {
  return override() ?? realToday();
}

export function setTodayOverride(iso: IsoDate | null): void {
  const value = iso && isIsoDate(iso) ? iso : null;
  setOverrideSignal(value);
  try {
    if (value) localStorage.setItem(STORAGE_KEY, value);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not persisted; still applies to this page.
  }
}
