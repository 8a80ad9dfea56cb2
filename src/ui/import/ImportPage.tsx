// "/import/": read a file (or rows pasted from Excel) in the worker, show the first
// rows with the column mapping and the problems, and import on confirmation as one
// undoable step. The whole file never comes back to the page: only a summary.
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type { ImportPreview, ImportPreviewOptions, ImportSource, ImportSummary, Progress } from '../../api/contract';
import type { FieldError } from '../../domain/errors';
import type { Book } from '../../domain/types';
import { IMPORT_KINDS, type ImportKind } from '../../import/kinds';
import { errorText, fmtNumber, t } from '../../i18n';
import { api, proxy } from '../client';
import { RequireBook } from '../common/RequireBook';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { refreshBooks } from '../state/book';
import { bumpChanged } from '../state/changed';
import { noteStorageError } from '../state/storage';
import { today } from '../state/today';
import { fieldsOf, kindMessage } from './kindFields';
import { MappingTable } from './MappingTable';
import { ProblemList } from './ProblemList';

const ENCODINGS = ['', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
const DATE_ORDERS = ['', 'ymd', 'dmy', 'mdy'] as const;
const DELIMITER_NAMES: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

type Busy = null | 'reading' | 'writing';

function ImportView(props: { book: Book }) {
  const [source, setSource] = createSignal<ImportSource | null>(null);
  const [pasted, setPasted] = createSignal('');
  const [encoding, setEncoding] = createSignal('');
  const [dateOrder, setDateOrder] = createSignal<'' | 'ymd' | 'dmy' | 'mdy'>('');
  const [kind, setKind] = createSignal<ImportKind>('invoices');
  const [preset, setPreset] = createSignal('');
  const [map, setMap] = createSignal<Record<string, string>>({});
  const [preview, setPreview] = createSignal<ImportPreview | null>(null);
  const [busy, setBusy] = createSignal<Busy>(null);
  const [progress, setProgress] = createSignal<Progress | null>(null);
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal('');
  const [summary, setSummary] = createSignal<ImportSummary | null>(null);
  const [undone, setUndone] = createSignal(false);
  const [presetName, setPresetName] = createSignal('');
  const [presets, { refetch: refetchPresets }] = createResource(() => api().listImportPresets());
  let token = '';

  const forget = () => {
    if (token) void api().importCancel(token);
    token = '';
  };
  onCleanup(forget);

  const fail = (errors: FieldError[]) => {
    const first = errors[0];
    if (!first) return;
    noteStorageError(first.code);
    setError(errorText(first));
  };

  async function runPreview() {
    const src = source();
    if (!src) return;
    forget();
    token = crypto.randomUUID();
    const mine = token;
    setBusy('reading');
    setError('');
    setMessage('');
    setSummary(null);
    setProgress({ done: 0, total: 1 });
    const options: ImportPreviewOptions = { token: mine, today: today(), map: map() };
    if (encoding()) options.encoding = encoding();
    if (dateOrder()) options.dateOrder = dateOrder() as 'ymd' | 'dmy' | 'mdy';
    if (kind() !== 'invoices') options.kind = kind();
    if (preset()) options.preset = preset();
    try {
      const r = await api().importPreview(props.book.id, src, options, proxy((p: Progress) => setProgress(p)));
      if (mine !== token) return; // a newer preview or a cancel took over
      if (r.ok) setPreview(r.value);
      else if (r.errors[0]?.code === 'import.cancelled') setMessage(t('importPage.cancelled'));
      else fail(r.errors);
    } catch (e) {
      setError(t('common.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      if (mine === token) {
        setBusy(null);
        setProgress(null);
      }
    }
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setMap({});
    setPreview(null);
    setSource({ name: file.name, bytes: await file.arrayBuffer() });
    await runPreview();
  }

  async function previewPasted() {
    if (pasted().trim() === '') return;
    setMap({});
    setPreview(null);
    setSource({ pasted: pasted() });
    await runPreview();
  }

  /**
   * The mapping shown: the preview's, or, when the file could not be read with the
   * last choice (a required field unmapped), the columns the user chose by number.
   */
  const mapping = (): Record<string, number> => {
    const used = preview()?.mapping ?? {};
    if (Object.keys(used).length > 0) return used;
    const chosen: Record<string, number> = {};
    for (const [f, v] of Object.entries(map())) if (/^\d+$/.test(v)) chosen[f] = Number(v) - 1;
    return chosen;
  };

  /** Column `column` now feeds `field`: every field keeps its column by number, the rest are unmapped. */
  function remap(column: number, field: string) {
    const current = mapping();
    const next: Record<string, string> = {};
    for (const f of fieldsOf(kind())) {
      const at = current[f];
      next[f] = at === undefined || at === column || f === field ? '' : String(at + 1);
    }
    if (field !== '') next[field] = String(column + 1);
    setMap(next);
    void runPreview();
  }

  function reread(set: () => void) {
    set();
    if (source()) void runPreview();
  }

  async function cancel() {
    const mine = token;
    if (!mine) return;
    await api().importCancel(mine);
    if (busy() === 'reading') {
      token = '';
      setBusy(null);
      setProgress(null);
      setPreview(null);
      setMessage(t('importPage.cancelled'));
    }
  }

  async function confirm() {
    const p = preview();
    if (!p || busy()) return;
    setBusy('writing');
    setError('');
    setProgress({ done: 0, total: 1 });
    try {
      const r = await api().importCommit(p.token, proxy((x: Progress) => setProgress(x)));
      if (r.ok) {
        token = '';
        setSummary(r.value);
        setPreview(null);
        setUndone(false);
        bumpChanged();
        await refreshBooks();
      } else fail(r.errors);
    } catch (e) {
      setError(t('common.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  async function undoImport() {
    const r = await api().undo(props.book.id);
    if (r.ok) {
      setUndone(true);
      bumpChanged();
      await refreshBooks();
    } else fail(r.errors);
  }

  async function savePreset() {
    const p = preview();
    if (!p) return;
    const named: Record<string, string> = {};
    for (const f of fieldsOf(kind())) {
      const at = p.mapping[f];
      // By header text when there is one, so the preset fits files whose columns move.
      if (at !== undefined) named[f] = p.headers[at] || String(at + 1);
    }
    const r = await api().saveImportPreset(presetName(), named, {
      ...(encoding() ? { encoding: encoding() } : {}),
      ...(dateOrder() ? { dateOrder: dateOrder() as 'ymd' | 'dmy' | 'mdy' } : {}),
    }, kind());
    if (r.ok) {
      setMessage(t('importPage.presetSaved', { name: r.value.name }));
      setPresetName('');
      await refetchPresets();
    } else fail(r.errors);
  }

  const percent = () => {
    const p = progress();
    return p ? Math.floor((100 * p.done) / Math.max(p.total, 1)) : 0;
  };

  return (
    <>
      <p>{t('importPage.intro')}</p>
      <section class="panel stack">
        <div class="field">
          <label for="import-kind">{t('importPage.kind')}</label>
          <select id="import-kind" name="kind" data-testid="import-kind" disabled={busy() !== null}
            onChange={(e) => reread(() => {
              setKind(e.currentTarget.value as ImportKind);
              setMap({}); // the other kind's fields
              setPreset(''); // presets map one kind of file
            })}>
            <For each={IMPORT_KINDS}>{(k) => <option value={k} selected={kind() === k}>{t(`importPage.kind.${k}`)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="import-file">{t('importPage.file')}</label>
          <input id="import-file" type="file" name="file" accept=".csv,.txt,.tsv,text/csv,text/plain"
            disabled={busy() !== null} onChange={(e) => void chooseFile(e.currentTarget.files?.[0])} />
        </div>
        <div class="field">
          <label for="import-pasted">{t('importPage.pasted')}</label>
          <textarea id="import-pasted" name="pasted" rows="4" value={pasted()} disabled={busy() !== null}
            onInput={(e) => setPasted(e.currentTarget.value)} />
          <div>
            <button type="button" class="btn" data-testid="import-paste" disabled={busy() !== null || pasted().trim() === ''} onClick={() => void previewPasted()}>
              {t('importPage.previewPasted')}
            </button>
          </div>
        </div>
        <div class="inline-fields">
          <div class="field">
            <label for="import-encoding">{t('importPage.encoding')}</label>
            <select id="import-encoding" name="encoding" disabled={busy() !== null} onChange={(e) => reread(() => setEncoding(e.currentTarget.value))}>
              <For each={ENCODINGS}>
                {(enc) => <option value={enc} selected={encoding() === enc}>{enc === '' ? t('importPage.encoding.auto') : enc.toUpperCase()}</option>}
              </For>
            </select>
          </div>
          <div class="field">
            <label for="import-date-order">{t('importPage.dateOrder')}</label>
            <select id="import-date-order" name="dateOrder" disabled={busy() !== null}
              onChange={(e) => reread(() => setDateOrder(e.currentTarget.value as '' | 'ymd' | 'dmy' | 'mdy'))}>
              <For each={DATE_ORDERS}>
                {(o) => <option value={o} selected={dateOrder() === o}>{t(o === '' ? 'importPage.dateOrder.auto' : `importPage.dateOrder.${o}`)}</option>}
              </For>
            </select>
          </div>
          <div class="field">
            <label for="import-preset">{t('importPage.preset')}</label>
            <select id="import-preset" name="preset" disabled={busy() !== null}
              onChange={(e) => reread(() => {
                setPreset(e.currentTarget.value);
                setMap({});
              })}>
              <option value="" selected={preset() === ''}>{t('importPage.preset.none')}</option>
              <For each={(presets() ?? []).filter((p) => p.kind === kind())}>
                {(p) => <option value={p.id} selected={preset() === p.id}>{p.builtin ? p.name : t('importPage.preset.saved', { name: p.name })}</option>}
              </For>
            </select>
          </div>
        </div>
      </section>

      <Show when={progress()}>
        <div class="progress" role="status" data-testid="import-progress">
          <progress max={100} value={percent()} />
          <span>{busy() === 'writing' ? t('importPage.writing') : t('importPage.reading')} {t('importPage.progress', { percent: fmtNumber(percent()) })}</span>
          <Show when={busy() === 'reading'}>
            <button type="button" class="btn" data-testid="import-cancel" onClick={() => void cancel()}>
              {t('importPage.cancel')}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={error()}>
        <p class="field-error" role="alert" data-testid="import-error">{error()}</p>
      </Show>
      <Show when={message()}>
        <p role="status" data-testid="import-message">{message()}</p>
      </Show>

      <Show when={preview()}>
        {(p) => (
          <section class="panel stack" data-testid="import-preview">
            <p data-testid="import-detected" data-encoding={p().encoding} data-header-line={p().headerLine}>
              {t(p().headerLine > 0 ? 'importPage.detected' : 'importPage.noHeaderLine', {
                encoding: p().encoding === '' ? t('importPage.encoding.pasted') : p().encoding.toUpperCase(),
                delimiter: DELIMITER_NAMES[p().delimiter] ? t(`importPage.delimiter.${DELIMITER_NAMES[p().delimiter] ?? 'comma'}`) : p().delimiter,
                line: p().headerLine,
              })}
            </p>
            <h2>{t('importPage.sample')}</h2>
            <p>{t('importPage.mappingHint')}</p>
            <MappingTable preview={p()} kind={kind()} mapping={mapping()} disabled={busy() !== null} onMap={remap} />
            <p data-testid="import-counts">
              {t(kindMessage('counts', kind()), {
                existingCustomers: fmtNumber(p().counts.existingCustomers ?? 0),
                rows: fmtNumber(p().counts.rows), invoices: fmtNumber(p().counts.invoices), newInvoices: fmtNumber(p().counts.newInvoices),
                existingInvoices: fmtNumber(p().counts.existingInvoices), newCustomers: fmtNumber(p().counts.newCustomers),
                payments: fmtNumber(p().counts.payments),
              })}
            </p>
            <ProblemList preview={p()} />
            <Show when={p().counts.errors > 0}>
              <p>{t('importPage.confirmWithErrors')}</p>
            </Show>
            <Show when={p().counts.newInvoices === 0 && p().counts.newCustomers === 0 && p().counts.payments === 0}>
              <p data-testid="import-nothing">{t('importPage.nothingNew')}</p>
            </Show>
            <div class="inline-fields">
              <button type="button" class="btn btn-primary" data-testid="import-confirm"
                disabled={busy() !== null || (p().counts.newInvoices === 0 && p().counts.newCustomers === 0 && p().counts.payments === 0)}
                onClick={() => void confirm()}>
                {t(kindMessage('confirm', kind()), {
                  count: fmtNumber(kind() === 'invoices' ? p().counts.newInvoices : kind() === 'customers' ? p().counts.newCustomers : p().counts.payments),
                })}
              </button>
            </div>
            <div class="inline-fields">
              <div class="field">
                <label for="import-preset-name">{t('importPage.presetName')}</label>
                <input id="import-preset-name" name="presetName" value={presetName()} onInput={(e) => setPresetName(e.currentTarget.value)} />
              </div>
              <button type="button" class="btn" data-testid="import-save-preset" disabled={presetName().trim() === ''} onClick={() => void savePreset()}>
                {t('importPage.savePreset')}
              </button>
            </div>
          </section>
        )}
      </Show>

      <Show when={summary()}>
        {(s) => (
          <section class="panel stack" data-testid="import-summary"
            data-invoices={s().invoices} data-customers={s().customers} data-payments={s().payments} data-existing={s().existing} data-skipped={s().skipped}>
            <p>
              {s().invoices === 0 && s().customers === 0 && s().payments === 0
                ? t('importPage.doneNothing')
                : t(kindMessage('done', kind()), {
                    invoices: fmtNumber(s().invoices), customers: fmtNumber(s().customers), payments: fmtNumber(s().payments),
                    existing: fmtNumber(s().existing), skipped: fmtNumber(s().skipped),
                  })}
            </p>
            <div class="inline-fields">
              <Show when={(s().invoices > 0 || s().customers > 0 || s().payments > 0) && !undone()}>
                <button type="button" class="btn" data-testid="import-undo" onClick={() => void undoImport()}>
                  {t('importPage.undo')}
                </button>
              </Show>
              <a class="btn" href="/">{t('importPage.toDashboard')}</a>
            </div>
            <Show when={undone()}>
              <p role="status" data-testid="import-undone">{t('importPage.undone')}</p>
            </Show>
          </section>
        )}
      </Show>
    </>
  );
}

export default function ImportPage() {
  return (
    <Shell active="import" title={t('importPage.title')}>
      <PageHeader title={t('importPage.title')} />
      <RequireBook>{(b) => <ImportView book={b()} />}</RequireBook>
    </Shell>
  );
}
