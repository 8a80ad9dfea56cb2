// Generates a demo book in the worker, showing progress through a proxied callback.
import { createSignal, createUniqueId, Show } from 'solid-js';
import type { Progress } from '../../api/contract';
import { errorText, fmtNumber, lang, t } from '../../i18n';
import { api, proxy } from '../client';
import { refreshBooks, selectBook } from '../state/book';
import { bumpChanged } from '../state/changed';
import { noteStorageError } from '../state/storage';
import { today } from '../state/today';

/** Same seed, same demo book: numbers can be compared across devices and runs. */
const DEMO_SEED = 20240501;

export function DemoLoader(props: { onLoaded?: (name: string) => void; compact?: boolean }) {
  const uid = createUniqueId();
  const [customers, setCustomers] = createSignal('300');
  const [invoices, setInvoices] = createSignal('5000');
  const [progress, setProgress] = createSignal<Progress | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  const count = (s: string, fallback: number, max: number) => {
    const n = Number(s.trim());
    return Number.isSafeInteger(n) && n > 0 ? Math.min(n, max) : fallback;
  };

  const load = async () => {
    if (busy()) return;
    setBusy(true);
    setError('');
    setProgress({ done: 0, total: 1 });
    try {
      const res = await api().loadDemoBook(
        {
          seed: DEMO_SEED,
          customers: count(customers(), 300, 20_000),
          invoices: count(invoices(), 5000, 200_000),
          locale: lang(),
          endDate: today(),
        },
        proxy((p: Progress) => setProgress(p)),
      );
      if (res.ok) {
        await selectBook(res.value.id);
        await refreshBooks();
        bumpChanged();
        props.onLoaded?.(res.value.name);
      } else {
        const first = res.errors[0];
        if (first) {
          noteStorageError(first.code);
          setError(errorText(first));
        }
      }
    } catch (e) {
      setError(t('common.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <div class="demo-loader">
      <div class="inline-fields">
        <div class="field">
          <label for={`demo-c-${uid}`}>{t('demo.customers')}</label>
          <input id={`demo-c-${uid}`} name="demoCustomers" inputMode="numeric" value={customers()} onInput={(e) => setCustomers(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`demo-i-${uid}`}>{t('demo.invoices')}</label>
          <input id={`demo-i-${uid}`} name="demoInvoices" inputMode="numeric" value={invoices()} onInput={(e) => setInvoices(e.currentTarget.value)} />
        </div>
        <button type="button" class="btn" classList={{ 'btn-primary': !props.compact }} data-testid="load-demo" disabled={busy()} onClick={() => void load()}>
          {t('demo.load')}
        </button>
      </div>
      <Show when={progress()}>
        {(p) => (
          <div class="progress" data-testid="demo-progress" role="status">
            <progress max={Math.max(p().total, 1)} value={p().done} />
            <span>{t('demo.progress', { done: fmtNumber(p().done), total: fmtNumber(p().total) })}</span>
          </div>
        )}
      </Show>
      <Show when={error()}>
        <p class="field-error" role="alert" data-testid="demo-error">
          {error()}
        </p>
      </Show>
    </div>
  );
}
