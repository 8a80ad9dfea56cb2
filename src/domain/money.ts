// Money: integer counts of the currency's minor unit (fen, cents). Parsing works on
// digit strings so no binary float ever touches an amount; division by 10^digits
// happens only at the display boundary.
import type { Minor } from './types';
import { fail, ok, type Result } from './errors';
import { toHalfWidth } from './calendar';

const MAX_SAFE = String(Number.MAX_SAFE_INTEGER);

// Intl formatters are slow to build and the worker formats thousands of amounts.
const formatters = new Map<string, Intl.NumberFormat>();
function currencyFormatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f;
}

/** Minor-unit digits of an ISO 4217 currency, from Intl (CNY 2, JPY 0, BHD 3). Throws RangeError on a bad code. */
export function currencyDigits(currency: string): number {
  return currencyFormatter('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Is `code` a three-letter currency code Intl can format? */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    currencyFormatter('en', code);
    return true;
  } catch {
    return false;
  }
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new RangeError(`Minor-unit digits 0..6 expected: ${digits}`);
}

/** Plain decimal text: '1234.56', '-400.00', '1234' for digits 0. No grouping (CSV, inputs). */
export function formatPlain(amount: Minor, digits: number): string {
  checkDigits(digits);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount must be a safe integer: ${amount}`);
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  const sign = amount < 0 ? '-' : '';
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Localised currency text via Intl, e.g. '¥1,234.56' (zh-CN, CNY). */
export function formatMoney(amount: Minor, currency: string, locale: string): string {
  // Intl.NumberFormat formats a decimal string exactly (ES2023); engines without that
  // convert it to a number, which is still exact enough to display.
  const exact = formatPlain(amount, currencyDigits(currency)) as unknown as number;
  return currencyFormatter(locale, currency).format(exact);
}

/** Round to an integer, halves away from zero (2.5 -> 3, -2.5 -> -3). Never returns -0. */
export function roundHalfAwayFromZero(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 && r !== 0 ? -r : r;
}

/**
 * Major units to minor units, rounding half away from zero, for generated data and
 * computed charges. Shifts the decimal point in the number's shortest decimal text,
 * so 1.005 becomes 100.5 (then 101), not 100.49999.
 */
export function toMinor(major: number, digits: number): Minor {
  checkDigits(digits);
  if (!Number.isFinite(major)) throw new RangeError(`Finite amount expected: ${major}`);
  const [mantissa, exponent] = major.toExponential().split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + digits}`);
  const minor = roundHalfAwayFromZero(shifted);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount too large: ${major}`);
  return minor;
}

/** Currency marks accepted around an amount: symbols, 'RMB', ISO codes, 元. */
const PREFIX_RE = /^(CN¥|US\$|[¥$€£]|[A-Z]{3})\s*/;
const SUFFIX_RE = /\s*(元|[A-Z]{3})$/;

// Only real ISO 4217 codes count as a currency mark, so '12abc' is not read as 12.
let knownCodes: Set<string> | null = null;
function isKnownCode(code: string): boolean {
  if (code === 'RMB') return true;
  knownCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCodes.has(code);
}

interface Numeral {
  intDigits: string;
  fracDigits: string;
}

/**
 * Read `body` (digits and separators only) under one convention: `decimal` is the
 * decimal mark, `groups` the marks allowed between groups of three. Null if it
 * doesn't fit that convention.
 */
function readNumeral(body: string, decimal: string, groups: string): Numeral | null {
  const at = body.indexOf(decimal);
  if (at !== body.lastIndexOf(decimal)) return null;
  const intPart = at < 0 ? body : body.slice(0, at);
  const fracDigits = at < 0 ? '' : body.slice(at + 1);
  if (!/^\d*$/.test(fracDigits)) return null;
  if (at >= 0 && fracDigits === '') return null;
  if (intPart === '') return fracDigits === '' ? null : { intDigits: '0', fracDigits };
  if (/^\d+$/.test(intPart)) return { intDigits: intPart, fracDigits };
  // Grouped: 1-3 digits, then groups of exactly three, all with the same mark.
  const mark = intPart.replace(/\d/g, '')[0];
  if (mark === undefined || !groups.includes(mark)) return null;
  const parts = intPart.split(mark);
  const [head, ...rest] = parts;
  if (head === undefined || !/^\d{1,3}$/.test(head) || !rest.every((p) => /^\d{3}$/.test(p))) return null;
  return { intDigits: parts.join(''), fracDigits };
}

const DOT_DECIMAL = { decimal: '.', groups: ",' " };
const COMMA_DECIMAL = { decimal: ',', groups: ".' " };

/**
 * Parse an amount as typed or imported into minor units. Accepts currency marks,
 * grouping, '(400.00)' and '-400' for negatives, full-width characters. A comma is a
 * decimal mark only with `commaDecimal`; input that only makes sense under the other
 * convention is 'money.ambiguous', never guessed. Errors have field ''.
 */
export function parseMoney(
  input: string,
  opts: { digits: number; commaDecimal?: boolean; currency?: string },
): Result<Minor> {
  checkDigits(opts.digits);
  let s = toHalfWidth(input)
    .replace(/\uFFE5/g, '¥') // full-width yen sign (outside the FF01-FF5E block)
    .replace(/\u2212/g, '-') // typographic minus
    .replace(/[\u00A0\u202F\u2009]/g, ' '); // no-break and thin spaces used for grouping
  if (s === '') return fail('', 'required');

  let negative = false;
  let currencySeen = false;
  let codeSeen: string | null = null;
  const stripCurrency = (): void => {
    if (currencySeen) return;
    const match = PREFIX_RE.exec(s) ?? SUFFIX_RE.exec(s);
    if (!match) return;
    const mark = match[1] ?? '';
    if (/^[A-Z]{3}$/.test(mark)) {
      if (!isKnownCode(mark)) return;
      codeSeen = mark === 'RMB' ? 'CNY' : mark;
    }
    s = match.index === 0 ? s.slice(match[0].length) : s.slice(0, match.index);
    currencySeen = true;
  };
  // Currency and sign may come in either order: '¥(400)', '(¥400)', '-¥400', '¥-400'.
  stripCurrency();
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
    stripCurrency();
  }
  const sign = /^([+-])\s*/.exec(s);
  if (sign) {
    if (negative) return fail('', 'money.invalid');
    negative = sign[1] === '-';
    s = s.slice(sign[0].length);
    stripCurrency();
  }
  s = s.trim();
  if (!/^[\d.,' ]+$/.test(s) || !/\d/.test(s)) return fail('', 'money.invalid');
  // An amount written in another currency is not silently taken as this one's.
  if (codeSeen !== null && opts.currency !== undefined && codeSeen !== opts.currency) {
    return fail('', 'money.currencyMismatch', { expected: opts.currency, found: codeSeen });
  }

  const mine = opts.commaDecimal ? COMMA_DECIMAL : DOT_DECIMAL;
  const other = opts.commaDecimal ? DOT_DECIMAL : COMMA_DECIMAL;
  const numeral = readNumeral(s, mine.decimal, mine.groups);
  if (!numeral) {
    return readNumeral(s, other.decimal, other.groups) ? fail('', 'money.ambiguous') : fail('', 'money.invalid');
  }
  if (numeral.fracDigits.length > opts.digits) return fail('', 'money.tooManyDecimals', { digits: opts.digits });

  const digitString = (numeral.intDigits + numeral.fracDigits.padEnd(opts.digits, '0')).replace(/^0+(?=\d)/, '');
  if (digitString.length > MAX_SAFE.length || (digitString.length === MAX_SAFE.length && digitString > MAX_SAFE)) {
    return fail('', 'money.tooLarge');
  }
  const magnitude = Number(digitString);
  return ok(negative && magnitude !== 0 ? -magnitude : magnitude);
}
