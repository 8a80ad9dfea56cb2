// Logging what happened with a customer: a stage done (with its outcome and maybe
// a promise to pay), a stage skipped with a reason, or chasing snoozed to a date.
// Used from today's queue and from the customer page.
import { Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { ContactInput, ContactResult } from '../../api/collections';
import { addDays } from '../../domain/calendar';
import { currencyDigits } from '../../domain/money';
import type { Book, Channel, Id, Outcome } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { DateInput } from '../forms/DateInput';
import { Field } from '../forms/Field';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { MoneyInput } from '../forms/MoneyInput';
import { SelectField } from '../forms/SelectField';
import { TextAreaField } from '../forms/TextAreaField';
import { Validator } from '../forms/validator';
import { today } from '../state/today';
import { CHANNEL_OPTIONS } from './channels';

export type ContactMode = 'done' | 'skip' | 'snooze';

const DONE_OUTCOMES: Outcome[] = ['reached', 'noAnswer', 'promised', 'disputed', 'refused', 'paid', 'note'];

export interface ContactTarget {
  customerId: Id;
  invoiceId: Id | null;
  stage: string;
  channel: Channel;
  /** Invoices a promise made in this contact covers. */
  invoiceIds: Id[];
}

export function ContactForm(props: {
  book: Book;
  target: ContactTarget;
  mode: ContactMode;
  onSaved: (r: ContactResult) => void;
  onCancel: () => void;
}) {
  const form = createForm();
  const digits = () => currencyDigits(props.book.currency);
  const [v, setV] = createStore({
    date: today(),
    channel: props.target.channel,
    outcome: 'reached' as Outcome,
    note: '',
    next: props.mode === 'snooze' ? addDays(today(), 7) : '',
    promiseAmount: '',
    promiseDate: addDays(today(), 7),
  });

  /** The chosen proof of delivery, read into memory when picked (the worker checks type and size). */
  let attachment: { name: string; type: string; bytes: ArrayBuffer } | null = null;

  const build = () => {
    const check = new Validator();
    const outcome: Outcome = props.mode === 'skip' ? 'skipped' : props.mode === 'snooze' ? 'snoozed' : v.outcome;
    const promised = outcome === 'promised';
    const input: ContactInput = {
      customerId: props.target.customerId,
      invoiceId: props.target.invoiceId,
      date: check.date('date', v.date),
      channel: v.channel,
      stage: props.mode === 'snooze' ? '' : props.target.stage,
      outcome,
      note: check.text('note', v.note, props.mode === 'skip'),
      nextActionDate: v.next ? check.date('nextActionDate', v.next) : props.mode === 'snooze' ? check.date('nextActionDate', '') : null,
      promise: promised
        ? {
          amount: check.money('promise.amount', v.promiseAmount, { digits: digits(), commaDecimal: props.book.commaDecimal, required: true, positive: true }),
          date: check.date('promise.date', v.promiseDate),
          invoiceIds: props.target.invoiceIds,
          graceDays: 0,
        }
        : null,
      attachment,
    };
    return check.done(input);
  };

  const save = () =>
    void form.submit({
      build,
      send: (input) => api().logContact(props.book.id, input),
      onOk: (r) => props.onSaved(r),
    });

  const title = () => t(props.mode === 'skip' ? 'queue.skip' : props.mode === 'snooze' ? 'queue.snooze' : 'queue.done');

  return (
    <Form form={form} onSubmit={save} title={title()} testid="contact-form" onCancel={props.onCancel}>
      <DateInput form={form} name="date" label={t('field.date')} value={v.date} onInput={(x) => setV('date', x)} required />
      <Show when={props.mode === 'done'}>
        <SelectField form={form} name="channel" label={t('queue.channel')} value={v.channel}
          options={CHANNEL_OPTIONS()} onChange={(x) => setV('channel', x as Channel)} />
        <SelectField form={form} name="outcome" label={t('queue.outcome')} value={v.outcome}
          options={DONE_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
          onChange={(x) => setV('outcome', x as Outcome)} />
        <Show when={v.outcome === 'promised'}>
          <MoneyInput form={form} name="promise.amount" label={t('queue.promiseAmount')} currency={props.book.currency}
            digits={digits()} commaDecimal={props.book.commaDecimal} value={v.promiseAmount}
            onInput={(x) => setV('promiseAmount', x)} required />
          <DateInput form={form} name="promise.date" label={t('queue.promiseDate')} value={v.promiseDate}
            onInput={(x) => setV('promiseDate', x)} required />
        </Show>
      </Show>
      <Show when={props.mode !== 'skip'}>
        <DateInput form={form} name="nextActionDate" label={props.mode === 'snooze' ? t('queue.until') : t('queue.nextAction')}
          value={v.next} onInput={(x) => setV('next', x)} required={props.mode === 'snooze'} />
      </Show>
      <Show when={props.mode === 'done'}>
        <Field form={form} name="attachment" label={t('collections.attachment')}>
          {(id) => (
            <input id={id} name="attachment" type="file" accept="image/*,application/pdf" data-testid="contact-attachment"
              onChange={async (e) => {
                const f = e.currentTarget.files?.[0];
                attachment = f ? { name: f.name, type: f.type, bytes: await f.arrayBuffer() } : null;
              }} />
          )}
        </Field>
      </Show>
      <TextAreaField form={form} name="note" label={props.mode === 'skip' ? t('queue.reason') : t('queue.note')}
        value={v.note} onInput={(x) => setV('note', x)} />
    </Form>
  );
}
