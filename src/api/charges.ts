// Late charges as records: interest and penalties accrued by the book's rule,
// posted as charges with their basis, and waived with a reason. Part of OverdueApi.

import type { Result } from '../domain/errors';
import type { Adjustment, Id, IsoDate, Minor } from '../domain/types';

export interface PostedCharges {
  /** Charges written (one per invoice and kind that grew since the last posting). */
  charges: Adjustment[];
  total: Minor;
}

export interface ChargesApi {
  /**
   * Posts what the book's charge rule has accrued on the customer's overdue
   * invoices up to `asOf` and is not yet charged, as one undoable action.
   */
  postCharges(bookId: Id, customerId: Id, asOf: IsoDate): Promise<Result<PostedCharges>>;
  /** Cancels a charge by a credit of the same amount, with the reason kept; a charge is waived once. */
  waiveCharge(bookId: Id, chargeId: Id, date: IsoDate, reason: string): Promise<Result<Adjustment>>;
}
