// Label + control + hint + error, the one markup every input shares.
import { onMount, Show, type JSX } from 'solid-js';
import { FieldError } from './FieldError';
import type { FormState } from './formState';

export interface FieldProps {
  form: FormState;
  /** The contract field name: the input's name and the error's test id. */
  name: string;
  label: string;
  hint?: string;
  class?: string;
  /** Renders the control; receives the id the label points at. */
  children: (id: string) => JSX.Element;
}

export function Field(props: FieldProps) {
  onMount(() => props.form.register(props.name));
  const id = () => props.form.id(props.name);
  return (
    <div class={`field ${props.class ?? ''}`} classList={{ 'has-error': !!props.form.errorFor(props.name) }}>
      <label for={id()}>{props.label}</label>
      {props.children(id())}
      <Show when={props.hint}>
        <div class="field-hint">{props.hint}</div>
      </Show>
      <FieldError form={props.form} name={props.name} />
    </div>
  );
}
