// Mark an invoice disputed (with a reason) or clear the dispute, through saveInvoice.
import { createSignal, Show } from 'solid-js';
import { ok } from '../../domain/errors';
import type { Book, Invoice } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { FormErrors } from '../forms/FormErrors';
import { createForm } from '../forms/formState';
import { TextField } from '../forms/TextField';
import { inputOf } from './invoiceInput';

export function DisputeControl(props: { book: Book; invoice: Invoice; onSaved: () => void }) {
  const form = createForm();
  const [reason, setReason] = createSignal('');

  const setDisputed = (disputed: boolean) =>
    void form.submit({
      build: () => ok({ ...inputOf(props.invoice), disputed, disputeReason: disputed ? reason().trim() : '' }),
      send: (input) => api().saveInvoice(props.book.id, input, props.invoice.id),
      onOk: () => {
        setReason('');
        props.onSaved();
      },
    });

  return (
    <div class="dispute">
      <Show
        when={props.invoice.disputed === 1}
        fallback={
          <form
            class="inline-fields"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setDisputed(true);
            }}
          >
            <TextField form={form} name="disputeReason" label={t('field.disputeReason')} value={reason()} onInput={setReason} />
            <button type="submit" class="btn" data-testid="mark-disputed" disabled={form.saving()}>
              {t('invoice.markDisputed')}
            </button>
          </form>
        }
      >
        <p class="dispute-reason">{t('invoice.disputedBecause', { reason: props.invoice.disputeReason || t('common.none') })}</p>
        <button type="button" class="btn" data-testid="clear-dispute" disabled={form.saving()} onClick={() => setDisputed(false)}>
          {t('invoice.clearDispute')}
        </button>
      </Show>
      <FormErrors form={form} />
    </div>
  );
}
