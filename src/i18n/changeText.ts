// Text for one change-log row ("Payment of ¥1,200.00 from ACME").
import { currencyDigits, formatMoney, parseMoney } from '../domain/money';
import type { ChangeAction } from './actions';
import { CHANGE_ACTIONS } from './actions';
import { lang } from './lang';
import { t, tChecked, type Params } from './t';

function isChangeAction(a: string): a is ChangeAction {
  return (CHANGE_ACTIONS as readonly string[]).includes(a);
}

/** The worker sends amounts as plain decimals; show them as money when the currency is known. */
function displayParams(params: Params): Params {
  const out: Params = { ...params };
  const { amount, currency } = params;
  if (typeof amount === 'string' && typeof currency === 'string' && currency) {
    try {
      const parsed = parseMoney(amount, { digits: currencyDigits(currency) });
      if (parsed.ok) out.amount = formatMoney(parsed.value, currency, lang());
    } catch {
      // Unknown currency code: keep the plain amount.
    }
  }
  return out;
}

/** Full sentence when the params allow it, else the short action label. */
export function changeText(action: string, params: Params = {}): string {
  if (!isChangeAction(action)) return action;
  const full = tChecked(`action.${action}`, displayParams(params));
  return full.missing.length === 0 ? full.text : t(`actionLabel.${action}`);
}

export function actionLabel(action: string): string {
  return isChangeAction(action) ? t(`actionLabel.${action}`) : action;
}
