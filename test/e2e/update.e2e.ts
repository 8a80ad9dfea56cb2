// A new release: the page's own registration (UpdatePrompt in the shell) installs the
// first worker silently; a changed sw.js then waits until the user clicks Reload.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openApp, waitForServiceWorker, type App } from './harness';
import { expectCount } from './wait';

describe('update prompt', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is silent on the first install', async () => {
    await app.goto('/');
    // No help from the test: the app registers its worker by itself.
    await waitForServiceWorker(app.page, { register: false });
    expect(await app.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(app.url('/sw.js'));
    await expectCount(app.page.getByTestId('update-prompt'), 0);
  });

  it('offers a waiting version and switches to it only on Reload', async () => {
    const page = app.page;
    const released = `${await readFile(`${DIST}sw.js`, 'utf8')}\n// next release\n`;
    app.server.overrides.set('/sw.js', { body: released, type: 'text/javascript; charset=utf-8' });
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration('/'))?.update();
    });
    await page.getByTestId('update-prompt').waitFor({ state: 'visible' });
    // The new worker waits: no skipWaiting of its own.
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.waiting?.state),
    ).toBe('installed');

    await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
    const after = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration('/');
      return { waiting: reg?.waiting ?? null, active: reg?.active?.state, controlled: !!navigator.serviceWorker.controller };
    });
    expect(after).toEqual({ waiting: null, active: 'activated', controlled: true });
    await expectCount(page.getByTestId('update-prompt'), 0);
    app.assertNoErrors();
  });
});
