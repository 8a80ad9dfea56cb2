// Errors that belong to no visible field (field '' or unknown), and unexpected failures.
import { For, Show } from 'solid-js';
import { errorText, t } from '../../i18n';
import type { FormState } from './formState';

export function FormErrors(props: { form: FormState }) {
  const loose = () => props.form.errors().filter((e) => !props.form.isRegistered(e.field));
  return (
    <Show when={loose().length > 0 || props.form.failure()}>
      <div class="form-errors" role="alert" data-testid="form-error">
        <For each={loose()}>{(e) => <p>{errorText(e)}</p>}</For>
        <Show when={props.form.failure()}>
          <p>{t('common.failed', { detail: props.form.failure() })}</p>
        </Show>
      </div>
    </Show>
  );
}
