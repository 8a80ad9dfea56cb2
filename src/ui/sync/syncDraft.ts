// The sync settings form's text, to and from what the worker takes and shows.
// Secrets are never shown: an empty field means "keep the stored one".
import type { SyncSettingsInput, SyncSettingsView, SyncTarget } from '../../api/sync';

export interface SyncDraft {
  target: SyncTarget;
  url: string;
  token: string;
  user: string;
  password: string;
  passphrase: string;
  intervalMinutes: string;
}

/** The sync server's usual address on this machine (see README "Syncing"). */
export const DEFAULT_URL = 'http://localhost:8787/';
export const DEFAULT_INTERVAL = 5;

export function draftOf(view: SyncSettingsView | null): SyncDraft {
  return {
    target: view?.target ?? 'server',
    url: view?.url ?? DEFAULT_URL,
    token: '',
    user: view?.user ?? '',
    password: '',
    passphrase: '',
    intervalMinutes: String(view?.intervalMinutes ?? DEFAULT_INTERVAL),
  };
}

/** What the form sends; the interval stays text-checked by the worker (a non-number fails there at the field). */
export function inputOf(d: SyncDraft): SyncSettingsInput {
  const minutes = d.intervalMinutes.trim();
  return {
    url: d.url.trim(),
    target: d.target,
    token: d.target === 'server' ? d.token.trim() : '',
    user: d.target === 'webdav' ? d.user.trim() : '',
    password: d.target === 'webdav' ? d.password : '',
    passphrase: d.passphrase,
    intervalMinutes: /^\d+$/.test(minutes) ? Number(minutes) : Number.NaN,
  };
}
