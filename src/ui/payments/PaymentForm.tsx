// Record a payment: date, amount, method, reference, and how it is allocated
// (automatically oldest due first, with a preview, or an amount per invoice).
// Whatever is not allocated stays as the customer's credit.
import { createMemo, createResource, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { PaymentInput, PaymentResult } from '../../api/contract';
import { allocateOldestFirst, checkExplicitAllocation } from '../../domain/allocation';
import { isIsoDate } from '../../domain/calendar';
import { currencyDigits, parseMoney } from '../../domain/money';
import type { Book, Id, Minor } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { Money } from '../common/Money';
import { DateInput } from '../forms/DateInput';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { MoneyInput } from '../forms/MoneyInput';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { Validator } from '../forms/validator';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { AllocationPreview } from './AllocationPreview';
import { ExplicitAllocation } from './ExplicitAllocation';
import { PAYMENT_METHODS } from './methods';
import { toOpenItems } from './openItems';

type Mode = 'auto' | 'explicit';

export function PaymentForm(props: { book: Book; customerId: Id; onRecorded: (r: PaymentResult) => void }) {
  const form = createForm();
  const digits = () => currencyDigits(props.book.currency);
  const [v, setV] = createStore({
    date: today(),
    amount: '',
    method: 'bank' as string,
    reference: '',
    mode: 'auto' as Mode,
    lines: {} as Record<Id, string>,
  });

  // Balances as of the payment date: that is what the worker allocates against.
  const [open] = createResource(
    () => (isIsoDate(v.date) ? { bookId: props.book.id, customerId: props.customerId, asOf: v.date, n: changed() } : false),
    (q) => api().openInvoices(q.bookId, q.customerId, q.asOf),
  );
  const openList = () => open.latest ?? [];

  const parse = (s: string): Minor | null => {
    if (!s.trim()) return null;
    const r = parseMoney(s, { digits: digits(), commaDecimal: props.book.commaDecimal });
    return r.ok ? r.value : null;
  };
  const amount = createMemo(() => parse(v.amount));
  const explicitSum = createMemo(() => openList().reduce((sum, o) => sum + (parse(v.lines[o.id] ?? '') ?? 0), 0));
  const leftover = () => {
    const a = amount();
    if (a === null) return null;
    if (v.mode === 'explicit') return a - explicitSum();
    return a > 0 ? allocateOldestFirst(a, toOpenItems(openList())).credit : null;
  };

  // Sent line k ↔ table row index, so the worker's allocations.<k> errors land on the right row.
  let sentRows: number[] = [];
  const fieldMap: Record<string, string> = {};

  const build = () => {
    const check = new Validator();
    const date = check.date('date', v.date);
    const total = check.money('amount', v.amount, { digits: digits(), commaDecimal: props.book.commaDecimal, currency: props.book.currency, required: true, positive: true });
    let allocation: PaymentInput['allocation'] = 'auto';
    if (v.mode === 'explicit') {
      const lines: { invoiceId: Id; amount: Minor }[] = [];
      sentRows = [];
      openList().forEach((o, row) => {
        const amt = check.money(`allocations.${row}.amount`, v.lines[o.id] ?? '', { digits: digits(), commaDecimal: props.book.commaDecimal, nonNegative: true });
        if (amt !== null && amt > 0) {
          lines.push({ invoiceId: o.id, amount: amt });
          sentRows.push(row);
        }
      });
      for (const k of Object.keys(fieldMap)) delete fieldMap[k];
      sentRows.forEach((row, k) => {
        fieldMap[`allocations.${k}.amount`] = `allocations.${row}.amount`;
        fieldMap[`allocations.${k}.invoiceId`] = `allocations.${row}.amount`;
      });
      if (check.errors.length === 0) {
        const checked = checkExplicitAllocation(total, toOpenItems(openList()), lines);
        if (!checked.ok) for (const e of checked.errors) check.add(fieldMap[e.field] ?? e.field, e.code, e.params);
      }
      allocation = lines;
    }
    const input: PaymentInput = {
      customerId: props.customerId,
      date,
      amount: total,
      method: v.method,
      reference: v.reference.trim(),
      allocation,
    };
    return check.done(input);
  };

  const save = () =>
    void form.submit({
      build,
      send: (input) => api().recordPayment(props.book.id, input),
      onOk: (r) => props.onRecorded(r),
      fieldMap,
    });

  return (
    <Form form={form} onSubmit={save} testid="payment-form">
      <DateInput form={form} name="date" label={t('field.date')} value={v.date} onInput={(x) => setV('date', x)} required />
      <MoneyInput
        form={form}
        name="amount"
        label={t('field.amount')}
        currency={props.book.currency}
        digits={digits()}
        commaDecimal={props.book.commaDecimal}
        value={v.amount}
        onInput={(x) => setV('amount', x)}
        required
      />
      <SelectField
        form={form}
        name="method"
        label={t('field.method')}
        value={v.method}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        onChange={(x) => setV('method', x)}
      />
      <TextField form={form} name="reference" label={t('field.reference')} value={v.reference} onInput={(x) => setV('reference', x)} />
      <fieldset class="field field-wide mode">
        <legend>{t('payment.mode')}</legend>
        <For each={['auto', 'explicit'] as Mode[]}>
          {(m) => (
            <label class="check">
              <input type="radio" name="allocation" value={m} checked={v.mode === m} onChange={() => setV('mode', m)} />
              <span>{t(m === 'auto' ? 'payment.mode.auto' : 'payment.mode.explicit')}</span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="field-wide">
        <Show
          when={v.mode === 'explicit'}
          fallback={<AllocationPreview amount={amount()} open={openList()} currency={props.book.currency} />}
        >
          <ExplicitAllocation
            form={form}
            open={openList()}
            currency={props.book.currency}
            digits={digits()}
            values={v.lines}
            onInput={(id, x) => setV('lines', id, x)}
          />
        </Show>
        <Show when={leftover() !== null}>
          <p class="leftover">
            {v.mode === 'explicit' && (
              <>
                {t('payment.allocated')}: <Money amount={explicitSum()} currency={props.book.currency} />
                {' · '}
              </>
            )}
            <Show when={(leftover() ?? 0) >= 0} fallback={<span class="alert">{t('error.payment.overAllocated')}</span>}>
              {t('payment.leftover')}: <Money amount={leftover() ?? 0} currency={props.book.currency} testid="leftover-credit" />
            </Show>
          </p>
        </Show>
      </div>
    </Form>
  );
}
