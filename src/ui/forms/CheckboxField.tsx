// A checkbox with its label beside it; still reports errors under it.
import { onMount } from 'solid-js';
import { FieldError } from './FieldError';
import type { FormState } from './formState';

export function CheckboxField(props: {
  form: FormState;
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  onMount(() => props.form.register(props.name));
  return (
    <div class="field field-check">
      <label for={props.form.id(props.name)}>
        <input
          id={props.form.id(props.name)}
          type="checkbox"
          name={props.name}
          checked={props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <span>{props.label}</span>
      </label>
      <FieldError form={props.form} name={props.name} />
    </div>
  );
}
