// Readers for the small non-money cells: currency, payment terms, the disputed flag.
import { toHalfWidth } from '../domain/calendar';
import { isCurrencyCode } from '../domain/money';
import { normalizeValue } from './normalize';

/** Names and marks Chinese and English ledgers use instead of ISO codes. */
const CURRENCY_ALIASES: Record<string, string> = {
  'rmb': 'CNY', '人民币': 'CNY', '元': 'CNY', '¥': 'CNY', '￥': 'CNY', 'cn¥': 'CNY', '本位币': '',
  '美元': 'USD', 'us$': 'USD', '港币': 'HKD', '港元': 'HKD', 'hk$': 'HKD', '欧元': 'EUR', '€': 'EUR',
  '日元': 'JPY', '英镑': 'GBP', '£': 'GBP', '澳元': 'AUD', '新台币': 'TWD', '澳门元': 'MOP', '新加坡元': 'SGD',
};

// Intl formats any well-formed code ('ZZZ'); the list of real ones, where the platform has it, catches typos.
const known: Set<string> | null = (() => {
  try {
    return new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return null;
  }
})();

/** ISO code of a currency cell; '' when the cell says "the book's currency"; null when unknown. */
export function readCurrency(cell: string): string | null {
  if (known !== null && known.has(cell)) return cell; // 'CNY' as written, the common case
  const s = toHalfWidth(cell).trim();
  if (s === '') return '';
  const alias = CURRENCY_ALIASES[s.toLowerCase()];
  if (alias !== undefined) return alias;
  const code = s.toUpperCase();
  return isCurrencyCode(code) && (known === null || known.has(code)) ? code : null;
}

/**
 * Net days of a terms cell: '30', 'Net 30', 'N30', '30 days', '30天', '月结30天' -> 30;
 * 'Due on receipt', '即付' -> 0. Null when it cannot tell ('2/10 net 30' reads the net).
 */
export function readTermsDays(cell: string): number | null {
  const s = normalizeValue(cell);
  if (s === '') return null;
  if (/^(?:due on receipt|due upon receipt|on receipt|upon receipt|cod|即付|货到付款|见票即付|现结)$/.test(s)) return 0;
  const whole = /^(\d{1,4})(?:\.0+)?$/.exec(s); // '30' or Excel's '30.0'
  if (whole) return Number(whole[1]);
  const net = /\bnet\s*(\d{1,4})\b/.exec(s) ?? /^n\s*(\d{1,4})$/.exec(s);
  if (net) return Number(net[1]);
  const numbers = s.match(/\d+/g);
  if (numbers && numbers.length === 1 && (numbers[0]?.length ?? 5) <= 4) return Number(numbers[0]);
  return null;
}

const TRUE_VALUES = new Set(['yes', 'y', 'true', 't', '1', 'x', '✓', '✔', '√', '是', '争议', '有争议', '争议中', '有', 'disputed', 'on']);
const FALSE_VALUES = new Set(['', 'no', 'n', 'false', 'f', '0', '否', '无', '没有', '-', 'off', 'not disputed']);

/** True, false, or null when the cell is neither. */
export function readDisputed(cell: string): boolean | null {
  const s = normalizeValue(cell).trim();
  if (TRUE_VALUES.has(s)) return true;
  if (FALSE_VALUES.has(s)) return false;
  return null;
}
