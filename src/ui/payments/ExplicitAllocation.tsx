// Explicit allocation: an amount per open invoice, each with its own error line
// (field allocations.<row>.amount).
import { For, Show } from 'solid-js';
import type { OpenInvoiceOption } from '../../api/contract';
import { formatPlain } from '../../domain/money';
import type { Id } from '../../domain/types';
import { t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';
import { FieldError } from '../forms/FieldError';
import type { FormState } from '../forms/formState';

export function ExplicitAllocation(props: {
  form: FormState;
  open: OpenInvoiceOption[];
  currency: string;
  digits: number;
  values: Record<Id, string>;
  onInput: (invoiceId: Id, value: string) => void;
}) {
  return (
    <Show when={props.open.length > 0} fallback={<p class="muted">{t('payment.noOpen')}</p>}>
      <div class="table-scroll">
        <table class="table" data-testid="explicit-allocation">
          <thead>
            <tr>
              <th scope="col">{t('col.number')}</th>
              <th scope="col">{t('col.dueDate')}</th>
              <th scope="col" class="num">{t('col.openBalance')}</th>
              <th scope="col">{t('col.apply')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.open}>
              {(o, i) => {
                const name = () => `allocations.${i()}.amount`;
                props.form.register(name());
                return (
                  <tr data-testid="allocation-row" data-id={o.id}>
                    <td>
                      <label for={props.form.id(name())}>{o.number}</label>
                    </td>
                    <td>
                      <DateText date={o.dueDate} />
                    </td>
                    <td class="num">
                      <Money amount={o.balance} currency={props.currency} />
                    </td>
                    <td>
                      <div class="apply-cell">
                        <input
                          id={props.form.id(name())}
                          name={name()}
                          inputMode="decimal"
                          autocomplete="off"
                          value={props.values[o.id] ?? ''}
                          aria-invalid={props.form.errorFor(name()) ? 'true' : undefined}
                          onInput={(e) => {
                            props.onInput(o.id, e.currentTarget.value);
                            props.form.clearError(name());
                          }}
                        />
                        <button
                          type="button"
                          class="btn btn-small"
                          title={t('payment.fillTitle')}
                          onClick={() => {
                            props.onInput(o.id, formatPlain(o.balance, props.digits));
                            props.form.clearError(name());
                          }}
                        >
                          {t('payment.fill')}
                        </button>
                      </div>
                      <FieldError form={props.form} name={name()} />
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
