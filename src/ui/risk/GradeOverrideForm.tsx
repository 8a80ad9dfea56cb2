// Setting a customer's grade by hand: the grade and a required reason (an empty
// one is refused at the field); clearing the override goes back to the computed
// grade. Both are customer writes, so undo takes them back.
import { createSignal, Show } from 'solid-js';
import { fail, ok } from '../../domain/errors';
import { GRADES, type Grade } from '../../domain/collections';
import type { GradeOverride, Id } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { bumpChanged } from '../state/changed';
import { today } from '../state/today';
import { gradeName } from './GradeBadge';

export function GradeOverrideForm(props: { bookId: Id; customerId: Id; grade: Grade; override: GradeOverride | null; onDone: (text: string) => void }) {
  const form = createForm();
  const [grade, setGrade] = createSignal<Grade>(props.override?.grade ?? props.grade);
  const [reason, setReason] = createSignal(props.override?.reason ?? '');
  const [clearing, setClearing] = createSignal(false);

  const save = () =>
    void form.submit({
      build: () => {
        const r = reason().trim();
        return r ? ok({ grade: grade(), reason: r }) : fail<{ grade: Grade; reason: string }>('reason', 'grade.reasonRequired');
      },
      send: (o) => api().setGradeOverride(props.bookId, props.customerId, o, today()),
      onOk: () => props.onDone(t('risk.override.saved', { grade: gradeName(grade()) })),
    });

  const clear = async () => {
    setClearing(true);
    try {
      const r = await api().setGradeOverride(props.bookId, props.customerId, null, today());
      if (!r.ok) {
        form.setErrors(r.errors);
        return;
      }
      bumpChanged();
      props.onDone(t('risk.override.cleared'));
    } finally {
      setClearing(false);
    }
  };

  return (
    <Form form={form} onSubmit={save} testid="grade-override" class="grade-override" saveLabel={t('risk.override.save')}>
      <SelectField form={form} name="grade" label={t('risk.override.grade')} value={grade()}
        options={GRADES.map((g) => ({ value: g, label: gradeName(g) }))} onChange={(x) => setGrade(x as Grade)} />
      <TextField form={form} name="reason" label={t('risk.override.reason')} value={reason()} onInput={setReason} maxLength={500}
        hint={t('risk.override.reasonHint')} />
      <Show when={props.override}>
        <div class="field-wide">
          <button type="button" class="btn" data-testid="grade-override-clear" disabled={clearing()} onClick={() => void clear()}>
            {t('risk.override.clear')}
          </button>
        </div>
      </Show>
    </Form>
  );
}
