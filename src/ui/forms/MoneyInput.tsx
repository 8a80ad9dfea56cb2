// An amount as typed (kept verbatim so nothing is lost on an error); parsed
// with parseMoney on blur, to warn early, and again when the form is sent.
import { TextField } from './TextField';
import type { FormState } from './formState';
import { parseMoney } from '../../domain/money';

export interface MoneyInputProps {
  form: FormState;
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  digits: number;
  commaDecimal: boolean;
  currency?: string;
  hint?: string;
  placeholder?: string;
  required?: boolean;
}

export function MoneyInput(props: MoneyInputProps) {
  const check = () => {
    const v = props.value.trim();
    if (!v) return;
    const parsed = parseMoney(v, { digits: props.digits, commaDecimal: props.commaDecimal });
    if (!parsed.ok) {
      const others = props.form.errors().filter((e) => e.field !== props.name);
      props.form.setErrors([...others, ...parsed.errors.map((e) => ({ ...e, field: props.name }))], { focus: false });
    }
  };
  return (
    <TextField
      form={props.form}
      name={props.name}
      label={props.currency ? `${props.label} (${props.currency})` : props.label}
      value={props.value}
      onInput={props.onInput}
      onBlur={check}
      inputMode="decimal"
      hint={props.hint}
      placeholder={props.placeholder ?? (props.digits > 0 ? `0${props.commaDecimal ? ',' : '.'}${'0'.repeat(props.digits)}` : '0')}
      required={props.required}
      class="money-field"
    />
  );
}
