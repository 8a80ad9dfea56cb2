// A payment plan (分期): the invoices it covers (all open ones ticked at first),
// then instalments of date and amount that must add up to the total; each wrong
// line gets its message at its own field (instalments.<i>.date / .amount).
import { createResource, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { PlanInput } from '../../api/collections';
import { addDays } from '../../domain/calendar';
import { currencyDigits, formatPlain } from '../../domain/money';
import type { Book, Id } from '../../domain/types';
import { fmtMoney, t } from '../../i18n';
import { api } from '../client';
import { DateText } from '../common/DateText';
import { FieldError } from '../forms/FieldError';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { TextField } from '../forms/TextField';
import { Validator } from '../forms/validator';
import { today } from '../state/today';

export function PlanForm(props: { book: Book; customerId: Id; onSaved: () => void; onCancel: () => void }) {
  const form = createForm();
  const digits = () => currencyDigits(props.book.currency);
  const [open] = createResource(() => ({ asOf: today() }), (q) => api().openInvoices(props.book.id, props.customerId, q.asOf));
  const [v, setV] = createStore({
    chosen: {} as Record<Id, boolean>,
    rows: [{ date: addDays(today(), 30), amount: '' }, { date: addDays(today(), 60), amount: '' }],
    graceDays: '0',
    note: '',
  });
  const isChosen = (id: Id) => v.chosen[id] ?? true;
  const chosenTotal = () => (open() ?? []).filter((o) => isChosen(o.id)).reduce((s, o) => s + o.balance, 0);

  const build = () => {
    const check = new Validator();
    const instalments = v.rows.map((r, i) => ({
      date: check.date(`instalments.${i}.date`, r.date),
      amount: check.money(`instalments.${i}.amount`, r.amount, { digits: digits(), commaDecimal: props.book.commaDecimal, required: true, positive: true }),
    }));
    const input: PlanInput = {
      customerId: props.customerId,
      invoiceIds: (open() ?? []).filter((o) => isChosen(o.id)).map((o) => o.id),
      instalments,
      madeOn: today(),
      graceDays: check.int('graceDays', v.graceDays, { min: 0, max: 365 }),
      note: v.note,
    };
    return check.done(input);
  };

  const save = () => void form.submit({ build, send: (input) => api().savePlan(props.book.id, input), onOk: () => props.onSaved() });

  return (
    <Form form={form} onSubmit={save} onCancel={props.onCancel} title={t('plan.new')} testid="plan-form">
      <div class="field-wide">
        <p>{t('plan.invoices')}</p>
        <For each={open() ?? []}>
          {(o) => (
            <label class="check-row">
              <input type="checkbox" checked={isChosen(o.id)} onChange={(e) => setV('chosen', o.id, e.currentTarget.checked)} />
              {' '}{o.number} · <DateText date={o.dueDate} /> · {fmtMoney(o.balance, props.book.currency)}
            </label>
          )}
        </For>
        <p class="muted" data-testid="plan-chosen-total">{t('plan.chosenTotal', { total: fmtMoney(chosenTotal(), props.book.currency) })}</p>
        <FieldError form={form} name="invoiceIds" />
      </div>
      <div class="field-wide">
        <table class="table" data-testid="plan-instalments">
          <tbody>
            <For each={v.rows}>
              {(row, i) => (
                <tr data-testid="plan-row">
                  <td>
                    <input type="date" name={`instalments.${i()}.date`} aria-label={t('plan.date')} value={row.date}
                      onInput={(e) => setV('rows', i(), 'date', e.currentTarget.value)} />
                    <FieldError form={form} name={`instalments.${i()}.date`} />
                  </td>
                  <td>
                    <input name={`instalments.${i()}.amount`} inputMode="decimal" aria-label={t('plan.amount')} value={row.amount}
                      placeholder={i() === 0 && chosenTotal() > 0 ? formatPlain(Math.ceil(chosenTotal() / v.rows.length), digits()) : undefined}
                      onInput={(e) => setV('rows', i(), 'amount', e.currentTarget.value)} />
                    <FieldError form={form} name={`instalments.${i()}.amount`} />
                  </td>
                  <td>
                    <Show when={v.rows.length > 1}>
                      <button type="button" class="btn btn-link" onClick={() => setV('rows', v.rows.filter((_, j) => j !== i()))}>×</button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <button type="button" class="btn" data-testid="plan-add-row"
          onClick={() => setV('rows', [...v.rows, { date: addDays(v.rows[v.rows.length - 1]?.date ?? today(), 30), amount: '' }])}>
          + {t('plan.addInstalment')}
        </button>
        <FieldError form={form} name="instalments" />
        <FieldError form={form} name="total" />
      </div>
      <TextField form={form} name="graceDays" label={t('plan.graceDays')} value={v.graceDays} onInput={(x) => setV('graceDays', x)} inputMode="numeric" />
      <TextField form={form} name="note" label={t('queue.note')} value={v.note} onInput={(x) => setV('note', x)} />
    </Form>
  );
}
