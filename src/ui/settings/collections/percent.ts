// Rates are typed as percentages ("0.05" % a day, "10" % a year) and kept in whole
// basis points (1 bp = 0.01 %). The text is read digit by digit, never through a
// float, so "0.07" is exactly 7 bp and "0.005" is refused rather than rounded.
import { fail, ok, type Result } from '../../../domain/errors';

/** Full-width digits, point and percent sign (typed with a Chinese IME) read as ASCII. */
function halfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0e\uff05\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A percentage in basis points: '10' -> 1000, '0.05' -> 5, '10.5 %' -> 1050, '' -> null.
 * 'number.invalid' for anything but an optionally signed decimal number (with an optional
 * trailing %), 'charge.precision' for more than two decimals. Range checks are the charge
 * rule's (checkChargeRule), so the message there can name the rate.
 */
export function parsePercentBp(input: string): Result<number | null> {
  const typed = halfWidth(input).trim();
  if (typed === '') return ok(null);
  const text = typed.replace(/\s*%$/, '').replace(/^\u2212/, '-');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return fail('', 'number.invalid');
  const whole = m[2] || '0';
  const fraction = m[3] ?? '';
  if (fraction.length > 2) return fail('', 'charge.precision');
  const bp = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  const value = Number(m[1] === '-' ? -bp : bp);
  return ok(Object.is(value, -0) ? 0 : value);
}

/** Basis points as the percentage the user typed: 5 -> '0.05', 1000 -> '10', 1050 -> '10.5'; null -> ''. */
export function formatPercent(bp: number | null): string {
  if (bp === null) return '';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
