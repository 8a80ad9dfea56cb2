// A labelled multi-line text input.
import { Field } from './Field';
import type { FormState } from './formState';

export function TextAreaField(props: {
  form: FormState;
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  hint?: string;
}) {
  return (
    <Field form={props.form} name={props.name} label={props.label} hint={props.hint} class="field-wide">
      {(id) => (
        <textarea id={id} name={props.name} rows={props.rows ?? 3} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
      )}
    </Field>
  );
}
