// Registers the service worker and, when a new version is waiting, offers to switch to it.
// The new worker only takes over when the user clicks Reload (SKIP_WAITING), so a page
// never runs half on the old shell and half on the new one.
import { Show, createSignal, onCleanup, onMount } from 'solid-js';
import type { Workbox } from 'workbox-window';
import { lang } from '../../i18n/lang';
import { pwaText, type PwaTranslate } from '../../i18n/pwa';

/** How often an open tab asks the server for a newer service worker. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface UpdatePromptProps {
  /** Optional translator; defaults to src/i18n/pwa.ts in the current UI language. */
  t?: PwaTranslate;
}

export default function UpdatePrompt(props: UpdatePromptProps) {
  const t: PwaTranslate = (key, params) => (props.t ? props.t(key, params) : pwaText(lang(), key, params));
  const [waiting, setWaiting] = createSignal(false);
  let wb: Workbox | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  onMount(() => {
    // Dev builds serve modules straight from Vite: a service worker there would cache stale code.
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    void (async () => {
      const { Workbox } = await import('workbox-window');
      wb = new Workbox('/sw.js', { scope: '/' });
      // Fires for a worker that finished installing while this page runs, and for one
      // that was already waiting when the page opened.
      wb.addEventListener('waiting', () => setWaiting(true));
      try {
        await wb.register();
        timer = setInterval(() => void wb?.update(), UPDATE_CHECK_MS);
      } catch (err) {
        // No service worker (private mode, blocked): the app still works online.
        console.warn('Service worker registration failed', err);
      }
    })();
  });
  onCleanup(() => clearInterval(timer));

  const reload = () => {
    if (!wb) return;
    // Reload once the new worker controls this page, so the page and its cache match.
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  };

  return (
    <Show when={waiting()}>
      <div class="update-prompt" role="status" data-testid="update-prompt">
        <span>{t('pwa.updateReady')}</span>
        <button type="button" class="btn btn-small btn-primary" data-testid="update-reload" onClick={reload}>
          {t('pwa.reload')}
        </button>
        <button type="button" class="btn btn-small" onClick={() => setWaiting(false)}>
          {t('pwa.dismiss')}
        </button>
      </div>
    </Show>
  );
}
