// Aging bucket labels from the bucket's day range (the worker sends ranges, not text).
import { t } from './t';

export interface BucketRange {
  from: number | null;
  to: number | null;
}

export function bucketLabel(b: BucketRange): string {
  if (b.from === null) {
    // Due basis: the bucket up to age 0 holds what is not yet due.
    if (b.to === null || b.to <= 0) return t('bucket.notYetDue');
    return t('bucket.upTo', { to: b.to });
  }
  if (b.to === null) return t('bucket.over', { days: b.from - 1 });
  return t('bucket.range', { from: b.from, to: b.to });
}
