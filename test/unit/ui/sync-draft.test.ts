import { describe, expect, it } from 'vitest';
import { draftOf, inputOf, DEFAULT_URL } from '../../../src/ui/sync/syncDraft';
import { checkSyncSettings } from '../../../src/sync/settings-check';

describe('sync settings draft', () => {
  it('starts from the sync server on this machine, every 5 minutes, no secrets', () => {
    expect(draftOf(null)).toEqual({ target: 'server', url: DEFAULT_URL, token: '', user: '', password: '', passphrase: '', intervalMinutes: '5' });
    expect(checkSyncSettings(inputOf(draftOf(null))).ok).toBe(true);
  });

  it('shows stored settings without their secrets, and sends only the fields of the chosen target', () => {
    const d = draftOf({ bookId: 'b', url: 'https://dav.example/o/', target: 'webdav', user: 'me', hasToken: false, hasPassword: true, encrypted: true, intervalMinutes: 0 });
    expect(d).toMatchObject({ target: 'webdav', url: 'https://dav.example/o/', user: 'me', password: '', passphrase: '', intervalMinutes: '0' });
    expect(inputOf({ ...d, token: 'stray' })).toMatchObject({ token: '', user: 'me', intervalMinutes: 0 });
    expect(inputOf({ ...d, target: 'server', token: ' t ' })).toMatchObject({ token: 't', user: '', password: '' });
  });

  it('an interval that is not a whole number fails at the field', () => {
    const r = checkSyncSettings(inputOf({ ...draftOf(null), intervalMinutes: '2.5' }));
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['intervalMinutes']);
    const url = checkSyncSettings(inputOf({ ...draftOf(null), url: 'localhost:8787' }));
    expect(url.ok ? [] : url.errors.map((e) => e.code)).toEqual(['sync.url']);
  });
});
