// A labelled <select>.
import { For } from 'solid-js';
import { Field } from './Field';
import type { FormState } from './formState';

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: {
  form: FormState;
  name: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  hint?: string;
}) {
  return (
    <Field form={props.form} name={props.name} label={props.label} hint={props.hint}>
      {(id) => (
        <select
          id={id}
          name={props.name}
          onChange={(e) => {
            props.onChange(e.currentTarget.value);
            props.form.clearError(props.name);
          }}
        >
          <For each={props.options}>
            {(o) => (
              <option value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            )}
          </For>
        </select>
      )}
    </Field>
  );
}
