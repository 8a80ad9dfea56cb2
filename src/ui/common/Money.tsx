// A formatted amount; negative amounts (credit) get their own style.
import { fmtMoney } from '../../i18n';
import type { Minor } from '../../domain/types';

export function Money(props: { amount: Minor; currency: string; testid?: string; class?: string }) {
  return (
    <span class={`money ${props.class ?? ''}`} classList={{ negative: props.amount < 0, zero: props.amount === 0 }} data-testid={props.testid}>
      {fmtMoney(props.amount, props.currency)}
    </span>
  );
}
