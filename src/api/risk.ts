// A customer's credit score as the worker answers it: the score, its grade, each
// part with the fact it measured, and the limit and terms the grade suggests.

import type { RiskScore, Suggestion } from '../domain/risk-score';
import type { Id, IsoDate } from '../domain/types';

export interface CustomerRisk extends RiskScore {
  asOf: IsoDate;
  suggestion: Suggestion;
}

export interface RiskApi {
  customerRisk(bookId: Id, customerId: Id, asOf: IsoDate): Promise<CustomerRisk | null>;
}
