// The message under one input, with data-testid="error-<field>" for tests.
import { Show } from 'solid-js';
import { errorText } from '../../i18n';
import type { FormState } from './formState';

export function FieldError(props: { form: FormState; name: string }) {
  const error = () => props.form.errorFor(props.name);
  return (
    <Show when={error()}>
      {(e) => (
        <div class="field-error" role="alert" id={`${props.form.id(props.name)}-error`} data-testid={`error-${props.name}`}>
          {errorText(e())}
        </div>
      )}
    </Show>
  );
}
