// "/invoice/?id=": one invoice with its payments and adjustments; credit note,
// write-off, dispute and edit.
import { createResource, createSignal, Show } from 'solid-js';
import type { Book } from '../../domain/types';
import { errorText, t } from '../../i18n';
import { api } from '../client';
import { createFlash, Flash } from '../common/Flash';
import { Loading } from '../common/Loading';
import { RequireBook } from '../common/RequireBook';
import { getParam, hrefs } from '../common/url';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { bumpChanged, changed } from '../state/changed';
import { today } from '../state/today';
import { ActivitiesTable } from './ActivitiesTable';
import { AdjustmentForm } from './AdjustmentForm';
import { AdjustmentsTable } from './AdjustmentsTable';
import { AllocationsTable } from './AllocationsTable';
import { DisputeControl } from './DisputeControl';
import { InvoiceForm } from './InvoiceForm';
import { InvoiceSummary } from './InvoiceSummary';
import { LimitationBlock } from '../limitation/LimitationBlock';

function InvoiceView(props: { book: Book; invoiceId: string }) {
  const flash = createFlash();
  const [editing, setEditing] = createSignal(false);
  const [detail] = createResource(
    () => ({ bookId: props.book.id, id: props.invoiceId, asOf: today(), v: changed() }),
    (q) => api().invoiceDetail(q.bookId, q.id, q.asOf),
  );

  return (
    <Show when={detail.state !== 'unresolved' && detail.state !== 'pending'} fallback={<Loading />}>
      <Show
        when={detail.latest}
        fallback={
          <section class="panel empty-state">
            <p>{t('invoice.notFound')}</p>
            <a href={hrefs.invoices()}>{t('nav.invoices')}</a>
          </section>
        }
      >
        {(d) => (
          <>
            <PageHeader title={t('invoice.title', { number: d().invoice.number })} subtitle={<a href={hrefs.customer(d().invoice.customerId)}>{d().customerName}</a>}>
              <a class="btn" href={hrefs.payment(d().invoice.customerId)} data-testid="record-payment">
                {t('invoice.recordPayment')}
              </a>
              <button type="button" class="btn" data-testid="edit-invoice" aria-pressed={editing()} onClick={() => setEditing(!editing())}>
                {t('invoice.edit')}
              </button>
            </PageHeader>
            <Flash flash={flash} />
            <section class="panel">
              <InvoiceSummary detail={d()} />
            </section>
            <LimitationBlock bookId={props.book.id} invoiceId={props.invoiceId} balance={d().balance} />
            <Show
              when={editing()}
              fallback={
                <div class="grid-2">
                  <section class="panel">
                    <AdjustmentForm book={props.book} invoice={d().invoice} balance={d().balance} onSaved={() => flash.show({ text: t('invoice.adjustSaved') })} />
                  </section>
                  <section class="panel">
                    <h2>{t('invoice.dispute')}</h2>
                    <DisputeControl book={props.book} invoice={d().invoice} onSaved={() => flash.show({ text: t('invoice.disputeSaved') })} />
                  </section>
                </div>
              }
            >
              <section class="panel">
                <InvoiceForm
                  book={props.book}
                  invoice={d().invoice}
                  customer={{ id: d().invoice.customerId, name: d().customerName }}
                  title={t('invoice.edit')}
                  onCancel={() => setEditing(false)}
                  onSaved={() => {
                    setEditing(false);
                    flash.show({ text: t('invoice.saved') });
                  }}
                />
              </section>
            </Show>
            <section class="panel">
              <h2>{t('invoice.allocations')}</h2>
              <AllocationsTable rows={d().allocations} currency={d().invoice.currency} />
            </section>
            <section class="panel">
              <h2>{t('invoice.adjustments')}</h2>
              <AdjustmentsTable
                rows={d().adjustments}
                currency={d().invoice.currency}
                onWaive={async (charge) => {
                  const reason = window.prompt(t('charges.waiveReason')) ?? '';
                  if (reason.trim() === '') return;
                  const r = await api().waiveCharge(props.book.id, charge.id, today(), reason);
                  if (r.ok) bumpChanged();
                  else if (r.errors[0]) flash.show({ text: errorText(r.errors[0]) });
                }}
              />
            </section>
            <Show when={d().activities.length > 0}>
              <section class="panel">
                <h2>{t('invoice.activities')}</h2>
                <ActivitiesTable rows={d().activities} />
              </section>
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}

export default function InvoiceDetailPage() {
  const id = getParam('id');
  return (
    <Shell active="invoices" title={t('nav.invoices')}>
      <RequireBook>{(b) => <InvoiceView book={b()} invoiceId={id} />}</RequireBook>
    </Shell>
  );
}
