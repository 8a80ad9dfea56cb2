// A calendar date through the browser's date picker: its value is already ISO.
import { TextField } from './TextField';
import type { FormState } from './formState';

export function DateInput(props: {
  form: FormState;
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  required?: boolean;
}) {
  return (
    <TextField
      form={props.form}
      name={props.name}
      label={props.label}
      type="date"
      value={props.value}
      onInput={props.onInput}
      hint={props.hint}
      required={props.required}
      class="date-field"
    />
  );
}
