// "/payment/?customer=": pick the customer (if not given), then record the payment.
import { createResource, createSignal, Show } from 'solid-js';
import type { PaymentResult } from '../../api/contract';
import type { Book } from '../../domain/types';
import { fmtMoney, t } from '../../i18n';
import { api } from '../client';
import { CustomerPicker, type PickedCustomer } from '../common/CustomerPicker';
import { Loading } from '../common/Loading';
import { Money } from '../common/Money';
import { savePendingFlash } from '../common/pendingFlash';
import { RequireBook } from '../common/RequireBook';
import { getParam, hrefs, replaceParams } from '../common/url';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { PaymentForm } from './PaymentForm';

function PaymentView(props: { book: Book }) {
  const [customerId, setCustomerId] = createSignal(getParam('customer'));
  const [detail] = createResource(
    () => (customerId() ? { bookId: props.book.id, id: customerId(), asOf: today(), v: changed() } : false),
    (q) => api().customerDetail(q.bookId, q.id, q.asOf, 0),
  );

  // Back to the customer, whose balances now show the payment, with what it did.
  const done = (r: PaymentResult) => {
    const applied = r.allocations.reduce((sum, a) => sum + a.amount, 0);
    savePendingFlash({
      key: 'payment.recorded',
      params: { allocated: fmtMoney(applied, props.book.currency), credit: fmtMoney(r.credit, props.book.currency) },
    });
    location.assign(hrefs.customer(r.payment.customerId));
  };

  const pick = (c: PickedCustomer | null) => {
    setCustomerId(c?.id ?? '');
    replaceParams({ customer: c?.id });
  };

  return (
    <>
      <PageHeader title={t('payment.title')} />
      <section class="panel">
        <div class="field">
          <label for="payment-customer">{t('payment.customer')}</label>
          <Show
            when={customerId()}
            fallback={
              <>
                <CustomerPicker bookId={props.book.id} inputId="payment-customer" selected={null} onSelect={pick} />
                <p class="muted">{t('payment.chooseCustomer')}</p>
              </>
            }
          >
            <Show when={detail.latest !== undefined} fallback={<Loading />}>
              <Show when={detail.latest} fallback={<p class="field-error">{t('customer.notFound')}</p>}>
                {(d) => (
                  <>
                    <CustomerPicker
                      bookId={props.book.id}
                      inputId="payment-customer"
                      selected={{ id: d().customer.id, name: d().customer.name }}
                      onSelect={pick}
                    />
                    <p class="muted">
                      <a href={hrefs.customer(d().customer.id)}>{d().customer.name}</a>
                      {' · '}
                      {t('customer.balance')} <Money amount={d().open} currency={props.book.currency} />
                      {' · '}
                      {t('customer.overdue')} <Money amount={d().overdue} currency={props.book.currency} />
                      {' · '}
                      {t('customer.credit')} <Money amount={d().credit} currency={props.book.currency} />
                    </p>
                  </>
                )}
              </Show>
            </Show>
          </Show>
        </div>
      </section>
      <Show when={customerId() && detail.latest}>
        <section class="panel">
          {/* Keyed so another customer starts from a clean form. */}
          <Show when={customerId()} keyed>
            {(id) => <PaymentForm book={props.book} customerId={id} onRecorded={(r) => done(r)} />}
          </Show>
        </section>
      </Show>
    </>
  );
}

export default function PaymentPage() {
  return (
    <Shell active="customers" title={t('payment.title')}>
      <RequireBook>{(b) => <PaymentView book={b()} />}</RequireBook>
    </Shell>
  );
}
