// The submit button: disabled while saving so a double click saves once.
import { t } from '../../i18n';
import type { FormState } from './formState';

export function SaveButton(props: { form: FormState; label?: string }) {
  return (
    <button type="submit" class="btn btn-primary" data-testid="save" disabled={props.form.saving()} aria-busy={props.form.saving()}>
      {props.form.saving() ? t('common.saving') : (props.label ?? t('common.save'))}
    </button>
  );
}
