// "/statement/?customer=": a customer's statement of account (对账单) for a period,
// printable on A4 and exportable as CSV, optionally with the confirmation slip (询证函)
// below it for the customer to sign, stamp and return. The period, the slip choice and
// its language stay in the query string, so a reload or a shared link shows the same sheet.
import { createEffect, createResource, createSignal, Show } from 'solid-js';
import type { CustomerStatement } from '../../api/statements';
import { addDays } from '../../domain/calendar';
import type { Result } from '../../domain/errors';
import type { Book, Id, IsoDate } from '../../domain/types';
import { errorText, t } from '../../i18n';
import { api } from '../client';
import { Loading } from '../common/Loading';
import { RequireBook } from '../common/RequireBook';
import { getParam, hrefs, replaceParams } from '../common/url';
import { encoding, setEncoding } from '../export/encoding';
import { saveFile } from '../export/saveFile';
import { CheckboxField } from '../forms/CheckboxField';
import { DateInput } from '../forms/DateInput';
import { createForm } from '../forms/formState';
import { NoticeSheet } from '../notices/NoticeSheet';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { StatementSheet } from './StatementSheet';

/** Days the customer gets to return the slip, counted from today. */
const REPLY_DAYS = 14;

const firstOfMonth = (day: IsoDate): IsoDate => `${day.slice(0, 8)}01`;

function StatementView(props: { book: Book; customerId: Id }) {
  const form = createForm();
  // What the user chose (or the link carried); null follows "today": this month so far.
  const [chosenFrom, setChosenFrom] = createSignal<string | null>(getParam('from') || null);
  const [chosenTo, setChosenTo] = createSignal<string | null>(getParam('to') || null);
  const [chosenReplyBy, setChosenReplyBy] = createSignal<string | null>(null);
  const [withSlip, setWithSlip] = createSignal(getParam('slip') === '1');
  const initialLocale = getParam('lang') || props.book.locale;
  const [slipLocale, setSlipLocale] = createSignal<'zh-CN' | 'en'>(initialLocale === 'en' ? 'en' : 'zh-CN');
  const from = () => chosenFrom() ?? firstOfMonth(today());
  const to = () => chosenTo() ?? today();
  const replyBy = () => chosenReplyBy() ?? addDays(today(), REPLY_DAYS);

  createEffect(() => {
    replaceParams({ customer: props.customerId, from: chosenFrom(), to: chosenTo(), slip: withSlip() ? '1' : null, lang: withSlip() ? slipLocale() : null });
  });

  const [statement] = createResource(
    () => ({ bookId: props.book.id, from: from(), to: to(), locale: slipLocale(), replyBy: replyBy(), v: changed() }),
    (q): Promise<Result<CustomerStatement>> =>
      api().customerStatement(q.bookId, props.customerId, q.from, q.to, { locale: q.locale, replyBy: q.replyBy }),
  );
  // Field errors go under their inputs; an unknown customer or book is shown instead of the sheet.
  createEffect(() => {
    const r = statement.latest;
    if (!r) return;
    form.setErrors(r.ok ? [] : r.errors.filter((e) => e.field !== ''), { focus: false });
  });
  const sheet = () => {
    const r = statement.latest;
    return r?.ok ? r.value : null;
  };
  const whole = () => {
    const r = statement.latest;
    return r && !r.ok ? r.errors.find((e) => e.field === '') : undefined;
  };

  const [exporting, setExporting] = createSignal(false);
  const [exportError, setExportError] = createSignal('');
  const exportCsv = async () => {
    setExporting(true);
    setExportError('');
    try {
      const r = await api().statementCsv(props.book.id, props.customerId, from(), to(), encoding());
      if (r.ok) saveFile(r.value.bytes, r.value.filename, r.value.mime);
      else form.setErrors(r.errors);
    } catch (e) {
      setExportError(t('export.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('statement.title')}
        subtitle={<Show when={sheet()}>{(s) => <a href={hrefs.customer(props.customerId)}>{s().debtor}</a>}</Show>}
      >
        <button type="button" class="btn btn-primary" data-testid="statement-print" disabled={!sheet()} onClick={() => window.print()}>
          {t('statement.print')}
        </button>
        <button type="button" class="btn" data-testid="statement-export" disabled={!sheet() || exporting()} onClick={() => void exportCsv()}>
          {t('statement.exportCsv')}
        </button>
      </PageHeader>

      <div class="inline-fields no-print statement-controls">
        <DateInput form={form} name="from" label={t('statement.from')} value={from()} onInput={(v) => setChosenFrom(v)} />
        <DateInput form={form} name="to" label={t('statement.to')} value={to()} onInput={(v) => setChosenTo(v)} />
        <div class="field">
          <label for="statement-encoding">{t('export.encoding')}</label>
          <select id="statement-encoding" data-testid="statement-encoding" value={encoding()} onChange={(e) => setEncoding(e.currentTarget.value === 'gbk' ? 'gbk' : 'utf-8')}>
            <option value="utf-8">{t('export.encoding.utf8')}</option>
            <option value="gbk">{t('export.encoding.gbk')}</option>
          </select>
        </div>
      </div>
      <div class="inline-fields no-print statement-controls">
        <CheckboxField form={form} name="withSlip" label={t('statement.withSlip')} checked={withSlip()} onChange={setWithSlip} />
        <Show when={withSlip()}>
          <DateInput form={form} name="replyBy" label={t('statement.replyBy')} value={replyBy()} onInput={(v) => setChosenReplyBy(v)} />
          <div class="field">
            <label for="statement-slip-locale">{t('statement.slipLanguage')}</label>
            <select id="statement-slip-locale" name="locale" onChange={(e) => setSlipLocale(e.currentTarget.value === 'en' ? 'en' : 'zh-CN')}>
              <option value="zh-CN" selected={slipLocale() === 'zh-CN'}>中文</option>
              <option value="en" selected={slipLocale() === 'en'}>English</option>
            </select>
          </div>
        </Show>
      </div>
      <Show when={exporting()}>
        <p class="muted no-print" role="status">{t('statement.exporting')}</p>
      </Show>
      <Show when={exportError()}>
        <p class="field-error no-print" role="alert">{exportError()}</p>
      </Show>

      <Show when={statement.latest !== undefined} fallback={<Loading />}>
        <Show when={whole()}>
          {(e) => (
            <section class="panel empty-state">
              <p data-testid="statement-error">{e().code === 'customer.notFound' ? t('customer.notFound') : errorText(e())}</p>
              <a href={hrefs.customers()}>{t('nav.customers')}</a>
            </section>
          )}
        </Show>
        <Show when={sheet()}>
          {(s) => (
            <>
              <StatementSheet statement={s()} />
              <Show when={withSlip()}>
                <section class="statement-slip" data-testid="statement-slip" aria-label={t('statement.slip')}>
                  <NoticeSheet subject={s().confirmation.subject} blocks={s().confirmation.blocks} />
                </section>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </>
  );
}

export default function StatementPage() {
  const customerId = getParam('customer');
  return (
    <Shell active="customers" title={t('statement.title')}>
      <RequireBook>{(b) => <StatementView book={b()} customerId={customerId} />}</RequireBook>
    </Shell>
  );
}
