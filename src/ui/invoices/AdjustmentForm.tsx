// Credit note or write-off against one invoice: kind, date, amount, reason.
import { createStore } from 'solid-js/store';
import type { AdjustmentInput } from '../../api/contract';
import { currencyDigits, formatPlain } from '../../domain/money';
import type { Adjustment, Book, Invoice, Minor } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { DateInput } from '../forms/DateInput';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { MoneyInput } from '../forms/MoneyInput';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { Validator } from '../forms/validator';
import { today } from '../state/today';

type Kind = 'credit' | 'writeoff';

export function AdjustmentForm(props: { book: Book; invoice: Invoice; balance: Minor; onSaved: (a: Adjustment) => void }) {
  const form = createForm();
  const digits = () => currencyDigits(props.invoice.currency);
  const [v, setV] = createStore({ kind: 'credit' as Kind, date: today(), amount: '', reason: '' });

  const build = () => {
    const check = new Validator();
    const amount = check.money('amount', v.amount, { digits: digits(), commaDecimal: props.book.commaDecimal, required: true, positive: true });
    const input: AdjustmentInput = {
      kind: v.kind,
      invoiceId: props.invoice.id,
      date: check.date('date', v.date),
      amount,
      reason: check.text('reason', v.reason, v.kind === 'writeoff'),
      basis: '',
    };
    return check.done(input);
  };

  const save = () =>
    void form.submit({
      build,
      send: (input) => api().addAdjustment(props.book.id, input),
      onOk: (a) => {
        setV({ amount: '', reason: '' });
        props.onSaved(a);
      },
    });

  return (
    <Form form={form} onSubmit={save} title={t('invoice.adjust')} testid="adjustment-form">
      <SelectField
        form={form}
        name="kind"
        label={t('field.kind')}
        value={v.kind}
        options={[
          { value: 'credit', label: t('kind.credit') },
          { value: 'writeoff', label: t('kind.writeoff') },
        ]}
        onChange={(x) => setV('kind', x === 'writeoff' ? 'writeoff' : 'credit')}
      />
      <DateInput form={form} name="date" label={t('field.date')} value={v.date} onInput={(x) => setV('date', x)} required />
      <MoneyInput
        form={form}
        name="amount"
        label={t('field.amount')}
        currency={props.invoice.currency}
        digits={digits()}
        commaDecimal={props.book.commaDecimal}
        value={v.amount}
        placeholder={props.balance > 0 ? formatPlain(props.balance, digits()) : undefined}
        onInput={(x) => setV('amount', x)}
        required
      />
      <TextField form={form} name="reason" label={t('field.reason')} value={v.reason} onInput={(x) => setV('reason', x)} class="field-wide" />
    </Form>
  );
}
