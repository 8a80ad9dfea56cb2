// <form> wrapper: no native validation bubbles (we show our own, translated),
// the form-level error box, and the actions row with the save button.
import type { JSX } from 'solid-js';
import { Show } from 'solid-js';
import { FormErrors } from './FormErrors';
import { SaveButton } from './SaveButton';
import type { FormState } from './formState';
import { t } from '../../i18n';

export function Form(props: {
  form: FormState;
  onSubmit: () => void;
  onCancel?: () => void;
  saveLabel?: string;
  title?: string;
  class?: string;
  testid?: string;
  children: JSX.Element;
}) {
  return (
    <form
      class={`form ${props.class ?? ''}`}
      data-testid={props.testid}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <Show when={props.title}>
        <h2 class="form-title">{props.title}</h2>
      </Show>
      <div class="form-grid">{props.children}</div>
      <FormErrors form={props.form} />
      <div class="form-actions">
        <SaveButton form={props.form} label={props.saveLabel} />
        <Show when={props.onCancel}>
          <button type="button" class="btn" onClick={() => props.onCancel?.()}>
            {t('common.cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
