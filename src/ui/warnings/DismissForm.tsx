// Dismissing a warning needs a reason (kept with the dismissal, shown when the
// dismissed warnings are listed); an empty one is refused at the field.
import { createSignal } from 'solid-js';
import type { Id, IsoDate } from '../../domain/types';
import { fail, ok } from '../../domain/errors';
import { t } from '../../i18n';
import { api } from '../client';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { TextField } from '../forms/TextField';

export function DismissForm(props: { bookId: Id; warningKey: string; on: IsoDate; onCancel: () => void; onDone: () => void }) {
  const form = createForm();
  const [reason, setReason] = createSignal('');
  const save = () =>
    void form.submit({
      build: () => {
        const r = reason().trim();
        return r ? ok(r) : fail<string>('reason', 'warning.reasonRequired');
      },
      send: (r) => api().dismissWarning(props.bookId, props.warningKey, r, props.on),
      onOk: () => props.onDone(),
    });
  return (
    <Form form={form} onSubmit={save} onCancel={props.onCancel} saveLabel={t('warnings.dismiss')} testid="dismiss-form" class="dismiss-form">
      <TextField form={form} name="reason" label={t('warnings.reason')} value={reason()} onInput={setReason}
        hint={t('warnings.reasonHint')} maxLength={500} class="field-wide" />
    </Form>
  );
}
