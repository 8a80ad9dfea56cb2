// The formatters a warning's words need, for one book in the current language.
import { bucketRanges } from '../../domain/aging';
import type { Book } from '../../domain/types';
import { bucketLabel, fmtDate, fmtMoney, fmtNumber, fmtPercent, t } from '../../i18n';
import type { WarningFormat } from './warningText';

export function warningFormat(book: Pick<Book, 'currency' | 'agingBounds'>): WarningFormat {
  const ranges = bucketRanges(book.agingBounds, 'due');
  return {
    money: (n) => fmtMoney(n, book.currency),
    date: fmtDate,
    number: fmtNumber,
    percent: fmtPercent,
    bucket: (i) => {
      const r = ranges[i];
      return r ? bucketLabel(r) : String(i);
    },
    grade: (g) => t(`risk.grade.${g}`),
  };
}
