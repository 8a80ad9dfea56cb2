// The reason of an adjustment as a reader should see it: the app's own reasons
// (a stage fee, an accrued charge, a waiver) are codes, translated here.
import type { Adjustment } from '../../domain/types';
import { isMessageKey, t } from '../../i18n';
import { stageName } from '../queue/stageName';

export function adjustmentReason(a: Pick<Adjustment, 'reason'>): string {
  const [kind, rest = ''] = a.reason.split(/:(.*)/s);
  if (kind === 'stage' && rest) return t('charges.stageFee', { stage: stageName(rest) });
  if (kind === 'accrual' && isMessageKey(`charge.${rest}`)) return t(`charge.${rest}` as 'charge.interest');
  if (kind === 'waive' && rest) return t('charges.waivedNote');
  return a.reason;
}

/** A stage fee's basis is stored as a code too. */
export function adjustmentBasis(a: Pick<Adjustment, 'basis'>): string {
  return a.basis.startsWith('stageFee:') ? '' : a.basis;
}
