// Amounts from a file. Exports often carry more decimals than the currency has
// (unit prices times quantities, Excel's 0.1+0.2 residue); DOMAIN.md rounds those half
// away from zero, once, and the import says so. The rounding is done on the decimal
// text, exactly: no float ever holds the amount.
import type { ErrorCode } from '../domain/errors';
import { parseMoney } from '../domain/money';
import type { Minor } from '../domain/types';

export type AmountResult =
  | { ok: true; value: Minor; rounded: boolean }
  | { ok: false; code: ErrorCode; params?: Record<string, string | number> };

/**
 * Keep `digits + 1` decimals of the fraction in `text` (the last run of digits after
 * the decimal mark), so the first dropped digit decides the rounding. Null if the
 * text has no fraction longer than that.
 */
function cutFraction(text: string, digits: number, mark: '.' | ','): string | null {
  const re = mark === '.' ? /\.(\d+)/g : /,(\d+)/g;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) last = m;
  const frac = last?.[1];
  if (!last || frac === undefined || frac.length <= digits + 1) return null;
  const start = last.index + 1;
  return text.slice(0, start) + frac.slice(0, digits + 1) + text.slice(start + frac.length);
}

/** Parse an amount into minor units with `digits` decimals; excess decimals round half away from zero. */
export function parseImportAmount(text: string, digits: number, commaDecimal = false): AmountResult {
  const r = parseMoney(text, { digits, commaDecimal });
  if (r.ok) return { ok: true, value: r.value, rounded: false };
  const first = r.errors[0];
  if (first?.code !== 'money.tooManyDecimals') {
    return first ? { ok: false, code: first.code, ...(first.params ? { params: first.params } : {}) } : { ok: false, code: 'money.invalid' };
  }
  // One more decimal than the currency has, in tenths of a minor unit, then round that digit away.
  const cut = cutFraction(text, digits, commaDecimal ? ',' : '.') ?? text;
  const tenths = parseMoney(cut, { digits: digits + 1, commaDecimal });
  if (!tenths.ok) {
    const e = tenths.errors[0];
    return { ok: false, code: e?.code ?? 'money.invalid', ...(e?.params ? { params: e.params } : {}) };
  }
  const magnitude = Math.floor((Math.abs(tenths.value) + 5) / 10);
  const value = tenths.value < 0 && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value, rounded: true };
}
