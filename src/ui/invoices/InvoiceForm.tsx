// New or edited invoice: customer, number, dates (due defaults to issue + terms),
// amount, currency, description, dispute flag and reason.
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { InvoiceInput } from '../../api/contract';
import { addDays, isIsoDate } from '../../domain/calendar';
import { currencyDigits, formatPlain } from '../../domain/money';
import type { Book, Invoice } from '../../domain/types';
import { fmtDate, t } from '../../i18n';
import { currencyOptions } from '../books/currencies';
import { api } from '../client';
import { CustomerPicker, type PickedCustomer } from '../common/CustomerPicker';
import { CheckboxField } from '../forms/CheckboxField';
import { DateInput } from '../forms/DateInput';
import { Field } from '../forms/Field';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { MoneyInput } from '../forms/MoneyInput';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { Validator } from '../forms/validator';
import { today } from '../state/today';

interface Values {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: string;
  currency: string;
  description: string;
  disputed: boolean;
  disputeReason: string;
}

export function InvoiceForm(props: {
  book: Book;
  invoice?: Invoice;
  /** The customer, when already known (customer page, editing). */
  customer?: PickedCustomer;
  title?: string;
  onSaved: (invoice: Invoice) => void;
  onCancel?: () => void;
}) {
  const form = createForm();
  const inv = props.invoice;
  const [customer, setCustomer] = createSignal<PickedCustomer | null>(props.customer ?? null);
  const [v, setV] = createStore<Values>({
    number: inv?.number ?? '',
    issueDate: inv?.issueDate ?? today(),
    dueDate: inv?.dueDate ?? '',
    amount: inv ? formatPlain(inv.amount, currencyDigits(inv.currency)) : '',
    currency: inv?.currency ?? props.book.currency,
    description: inv?.description ?? '',
    disputed: inv?.disputed === 1,
    disputeReason: inv?.disputeReason ?? '',
  });

  const terms = () => customer()?.termsDays ?? props.book.defaultTermsDays;
  const defaultDue = () => (isIsoDate(v.issueDate) ? addDays(v.issueDate, terms()) : '');

  const build = () => {
    const check = new Validator();
    const c = customer();
    if (!c) check.add('customerId', 'required');
    const issueDate = check.date('issueDate', v.issueDate);
    const dueDate = check.date('dueDate', v.dueDate, false);
    if (issueDate && dueDate && isIsoDate(issueDate) && isIsoDate(dueDate) && dueDate < issueDate) check.add('dueDate', 'invoice.dueBeforeIssue');
    const input: InvoiceInput = {
      customerId: c?.id ?? '',
      number: check.text('number', v.number, true),
      issueDate,
      dueDate,
      amount: check.money('amount', v.amount, { digits: currencyDigits(v.currency), commaDecimal: props.book.commaDecimal, currency: v.currency, required: true, positive: true }),
      currency: v.currency,
      description: v.description.trim(),
      disputed: v.disputed,
      disputeReason: v.disputed ? v.disputeReason.trim() : '',
    };
    return check.done(input);
  };

  const save = () =>
    void form.submit({
      build,
      send: (input) => api().saveInvoice(props.book.id, input, props.invoice?.id),
      onOk: (saved) => props.onSaved(saved),
    });

  return (
    <Form form={form} onSubmit={save} onCancel={props.onCancel} title={props.title} testid="invoice-form">
      <Field form={form} name="customerId" label={t('field.customerId')}>
        {(id) => (
          <CustomerPicker
            bookId={props.book.id}
            inputId={id}
            selected={customer()}
            invalid={!!form.errorFor('customerId')}
            onSelect={(c) => {
              setCustomer(c);
              form.clearError('customerId');
            }}
          />
        )}
      </Field>
      <TextField form={form} name="number" label={t('field.number')} value={v.number} onInput={(x) => setV('number', x)} required />
      <DateInput form={form} name="issueDate" label={t('field.issueDate')} value={v.issueDate} onInput={(x) => setV('issueDate', x)} required />
      <DateInput
        form={form}
        name="dueDate"
        label={t('field.dueDate')}
        value={v.dueDate}
        onInput={(x) => setV('dueDate', x)}
        hint={v.dueDate ? undefined : `${t('field.dueDateHint', { days: terms() })}${defaultDue() ? ` → ${fmtDate(defaultDue())}` : ''}`}
      />
      <MoneyInput
        form={form}
        name="amount"
        label={t('field.amount')}
        digits={currencyDigits(v.currency)}
        commaDecimal={props.book.commaDecimal}
        value={v.amount}
        onInput={(x) => setV('amount', x)}
        required
      />
      <SelectField form={form} name="currency" label={t('field.currency')} value={v.currency} options={currencyOptions(v.currency)} onChange={(x) => setV('currency', x)} />
      <TextField form={form} name="description" label={t('field.description')} value={v.description} onInput={(x) => setV('description', x)} class="field-wide" />
      <CheckboxField form={form} name="disputed" label={t('field.disputed')} checked={v.disputed} onChange={(x) => setV('disputed', x)} />
      <Show when={v.disputed}>
        <TextField form={form} name="disputeReason" label={t('field.disputeReason')} value={v.disputeReason} onInput={(x) => setV('disputeReason', x)} class="field-wide" />
      </Show>
    </Form>
  );
}
