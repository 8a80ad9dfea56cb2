// "/customer/?id=": a customer's balance, limit, contacts, aging, invoices and
// payments; edit, new invoice, record payment, unapply, apply credit.
import { createResource, createSignal, Show } from 'solid-js';
import type { Result } from '../../domain/errors';
import type { Book, Id } from '../../domain/types';
import { errorText, fmtMoney, t } from '../../i18n';
import { api } from '../client';
import { createFlash, Flash } from '../common/Flash';
import { Loading } from '../common/Loading';
import { Pager } from '../common/Pager';
import { RequireBook } from '../common/RequireBook';
import { getParam, hrefs } from '../common/url';
import { InvoiceForm } from '../invoices/InvoiceForm';
import { InvoiceTable } from '../invoices/InvoiceTable';
import { PageHeader } from '../shell/PageHeader';
import { ExportButtons } from '../export/ExportButtons';
import { Shell } from '../shell/Shell';
import { bumpChanged, changed } from '../state/changed';
import { noteStorageError } from '../state/storage';
import { today } from '../state/today';
import { CollectionsPanel } from '../queue/CollectionsPanel';
import { AgingLine } from './AgingLine';
import { RiskPanel } from './RiskPanel';
import { ContactList } from './ContactList';
import { CustomerForm } from './CustomerForm';
import { CustomerSummary } from './CustomerSummary';
import { PaymentsTable } from './PaymentsTable';

type Panel = 'none' | 'edit' | 'invoice';

const newestFirst = <T extends { date: string }>(rows: T[]): T[] => [...rows].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

function CustomerView(props: { book: Book; customerId: Id }) {
  const flash = createFlash();
  const [panel, setPanel] = createSignal<Panel>('none');
  const [invoiceOffset, setInvoiceOffset] = createSignal(0);
  /** The payment an unapply or apply-credit is running for. */
  const [busy, setBusy] = createSignal<Id | null>(null);
  const [detail] = createResource(
    () => ({ bookId: props.book.id, id: props.customerId, asOf: today(), offset: invoiceOffset(), v: changed() }),
    (q) => api().customerDetail(q.bookId, q.id, q.asOf, q.offset),
  );
  const toggle = (p: Panel) => setPanel(panel() === p ? 'none' : p);

  /** Runs a write on one payment; on success refreshes and confirms with `done`'s text. */
  const onPayment = async <T,>(paymentId: Id, run: () => Promise<Result<T>>, done: (value: T) => string) => {
    setBusy(paymentId);
    try {
      const res = await run();
      if (res.ok) {
        bumpChanged();
        flash.show({ text: done(res.value) });
      } else if (res.errors[0]) {
        noteStorageError(res.errors[0].code);
        flash.show({ text: errorText(res.errors[0]) });
      }
    } catch (e) {
      flash.show({ text: t('common.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const unapply = (paymentId: Id) =>
    onPayment(paymentId, () => api().unapplyPayment(props.book.id, paymentId), () => t('customer.unapplied'));

  // The payment's leftover credit goes to the open invoices, oldest due first.
  const applyCredit = (paymentId: Id) =>
    onPayment(paymentId, () => api().applyPayment(props.book.id, paymentId, 'auto'), (r) => {
      const applied = r.allocations.reduce((sum, a) => sum + a.amount, 0);
      const credit = fmtMoney(r.credit, props.book.currency);
      return applied === 0
        ? t('customer.nothingToApply', { credit })
        : t('customer.creditApplied', { applied: fmtMoney(applied, props.book.currency), count: r.allocations.length, credit });
    });

  return (
    <Show when={detail.state !== 'unresolved' && detail.state !== 'pending'} fallback={<Loading />}>
      <Show
        when={detail.latest}
        fallback={
          <section class="panel empty-state">
            <p>{t('customer.notFound')}</p>
            <a href={hrefs.customers()}>{t('nav.customers')}</a>
          </section>
        }
      >
        {(d) => (
          <>
            <PageHeader title={d().customer.name}>
              <button type="button" class="btn btn-primary" data-testid="new-invoice" aria-pressed={panel() === 'invoice'} onClick={() => toggle('invoice')}>
                + {t('customer.newInvoice')}
              </button>
              <a class="btn btn-primary" data-testid="record-payment" href={hrefs.payment(props.customerId)}>
                {t('customer.recordPayment')}
              </a>
              <a class="btn" data-testid="customer-statement" href={hrefs.statement(props.customerId)} title={t('statement.linkTitle')}>
                {t('statement.link')}
              </a>
              <button type="button" class="btn" data-testid="edit-customer" aria-pressed={panel() === 'edit'} onClick={() => toggle('edit')}>
                {t('customer.edit')}
              </button>
            </PageHeader>
            <ExportButtons bookId={props.book.id} reports={['invoices', 'payments', 'activities']} customerId={props.customerId} />
            <Flash flash={flash} />
            <Show when={panel() === 'edit'}>
              <section class="panel">
                <CustomerForm
                  book={props.book}
                  customer={d().customer}
                  title={t('customer.editTitle')}
                  onCancel={() => setPanel('none')}
                  onSaved={() => {
                    setPanel('none');
                    flash.show({ text: t('customer.saved') });
                  }}
                />
              </section>
            </Show>
            <Show when={panel() === 'invoice'}>
              <section class="panel">
                <InvoiceForm
                  book={props.book}
                  customer={{ id: d().customer.id, name: d().customer.name, termsDays: d().customer.termsDays }}
                  title={t('invoices.newTitle')}
                  onCancel={() => setPanel('none')}
                  onSaved={(inv) => {
                    setPanel('none');
                    flash.show({ text: t('invoices.saved', { number: inv.number }), href: hrefs.invoice(inv.id), linkText: t('common.view') });
                  }}
                />
              </section>
            </Show>
            <section class="panel">
              <CustomerSummary detail={d()} currency={props.book.currency} />
              <h2 class="section-gap">{t('customer.aging')}</h2>
              <AgingLine aging={d().aging} currency={props.book.currency} customerId={props.customerId} />
            </section>
            <RiskPanel book={props.book} customerId={props.customerId} />
            <CollectionsPanel book={props.book} customerId={props.customerId} onMessage={(text) => flash.show({ text })} />
            <section class="panel">
              <h2>{t('customer.contacts')}</h2>
              <ContactList contacts={d().customer.contacts} />
            </section>
            <section class="panel">
              <h2>{t('customer.invoices')}</h2>
              <InvoiceTable rows={d().invoices.rows} currency={props.book.currency} hideCustomer />
              <Pager offset={d().invoices.offset} limit={d().invoices.limit} total={d().invoices.total} onOffset={setInvoiceOffset} />
            </section>
            <section class="panel">
              <h2>{t('customer.payments')}</h2>
              <PaymentsTable
                rows={newestFirst(d().payments)}
                currency={props.book.currency}
                busyId={busy()}
                onUnapply={(id) => void unapply(id)}
                onApplyCredit={(id) => void applyCredit(id)}
              />
            </section>
          </>
        )}
      </Show>
    </Show>
  );
}

export default function CustomerDetailPage() {
  const id = getParam('id');
  return (
    <Shell active="customers" title={t('customer.title')}>
      <RequireBook>{(b) => <CustomerView book={b()} customerId={id} />}</RequireBook>
    </Shell>
  );
}
