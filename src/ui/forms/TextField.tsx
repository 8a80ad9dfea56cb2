// A labelled text-like input bound to a value and an onInput callback.
import type { JSX } from 'solid-js';
import { Field } from './Field';
import type { FormState } from './formState';

export interface TextFieldProps {
  form: FormState;
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'search';
  inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  class?: string;
  onBlur?: () => void;
}

export function TextField(props: TextFieldProps) {
  return (
    <Field form={props.form} name={props.name} label={props.label} hint={props.hint} class={props.class}>
      {(id) => (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          placeholder={props.placeholder}
          inputMode={props.inputMode}
          required={props.required}
          autocomplete={props.autocomplete ?? 'off'}
          maxLength={props.maxLength}
          aria-invalid={props.form.errorFor(props.name) ? 'true' : undefined}
          aria-describedby={props.form.errorFor(props.name) ? `${id}-error` : undefined}
          onInput={(e) => {
            props.onInput(e.currentTarget.value);
            props.form.clearError(props.name);
          }}
          onBlur={() => props.onBlur?.()}
        />
      )}
    </Field>
  );
}
