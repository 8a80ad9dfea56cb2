// How much this device's browser storage the books use, and whether the browser has
// promised to keep it (persistent storage). Asks for persistence once per device.
import { Show, createSignal, onMount } from 'solid-js';
import { lang } from '../../i18n/lang';
import { pwaText, type PwaTranslate } from '../../i18n/pwa';
import { formatBytes, formatShare } from './formatBytes';

/** Device-local memory of the one automatic request: 'granted' | 'denied'. */
const PERSIST_ASKED_KEY = 'overdue.persist';

type Persistence = 'unsupported' | 'persistent' | 'notPersistent';

export interface StorageInfoProps {
  /** Optional translator; defaults to src/i18n/pwa.ts in the current UI language. */
  t?: PwaTranslate;
}

function rememberedAnswer(): string | null {
  try {
    return localStorage.getItem(PERSIST_ASKED_KEY);
  } catch {
    return null;
  }
}

function remember(granted: boolean): void {
  try {
    localStorage.setItem(PERSIST_ASKED_KEY, granted ? 'granted' : 'denied');
  } catch {
    // Storage unavailable: we may ask again next time, which is harmless.
  }
}

export default function StorageInfo(props: StorageInfoProps) {
  const t: PwaTranslate = (key, params) => (props.t ? props.t(key, params) : pwaText(lang(), key, params));
  const [estimate, setEstimate] = createSignal<{ usage: number; quota: number } | null>(null);
  const [persistence, setPersistence] = createSignal<Persistence>('unsupported');

  const refreshEstimate = async () => {
    if (!navigator.storage?.estimate) return;
    const e = await navigator.storage.estimate();
    setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 });
  };

  const requestPersistence = async () => {
    const granted = await navigator.storage.persist();
    remember(granted);
    setPersistence(granted ? 'persistent' : 'notPersistent');
  };

  onMount(() => {
    void refreshEstimate();
    if (!navigator.storage?.persisted || !navigator.storage.persist) return;
    void (async () => {
      const already = await navigator.storage.persisted();
      setPersistence(already ? 'persistent' : 'notPersistent');
      // Ask by ourselves only once; after that, only when the user clicks.
      if (!already && rememberedAnswer() === null) await requestPersistence();
    })();
  });

  const usageText = () => {
    const e = estimate();
    if (!e) return t('pwa.usageUnknown');
    const locale = lang();
    return t('pwa.usage', {
      usage: formatBytes(e.usage, locale),
      quota: formatBytes(e.quota, locale),
      percent: formatShare(e.usage, e.quota, locale),
    });
  };

  return (
    <section class="storage-info">
      <h2>{t('pwa.storageTitle')}</h2>
      <p data-testid="storage-usage">{usageText()}</p>
      <p data-testid="storage-persistent" data-state={persistence()}>
        {persistence() === 'persistent'
          ? t('pwa.persistent')
          : persistence() === 'notPersistent'
            ? t('pwa.notPersistent')
            : t('pwa.persistUnsupported')}
      </p>
      <Show when={persistence() === 'notPersistent'}>
        <button type="button" onClick={() => void requestPersistence()}>
          {t('pwa.askPersist')}
        </button>
      </Show>
    </section>
  );
}
