// The late-payment model's quality in words a bookkeeper reads without statistics:
// what it learned from, how often it told late payers from punctual ones on
// invoices it had not seen (AUC), and how far off its payment dates were (MAE).
// Returned as message keys with their params, so the caller translates them
// reactively and tests can check every line in both languages.
import type { ModelQuality } from '../../api/risk';
import { fmtNumber, fmtPercent, type MessageKey, type Params } from '../../i18n';

export interface Line {
  key: MessageKey;
  params?: Params;
}

/** AUC as a plain-language verdict: 0.5 is a coin toss. */
export function aucVerdict(auc: number): MessageKey {
  if (auc >= 0.8) return 'risk.model.aucGood';
  if (auc >= 0.65) return 'risk.model.aucFair';
  return 'risk.model.aucWeak';
}

export function modelQualityLines(model: ModelQuality): Line[] {
  if (model.kind === 'rule') {
    return model.reason === 'tooFewExamples'
      ? [{ key: 'risk.model.tooFew', params: { examples: fmtNumber(model.examples), min: fmtNumber(model.minExamples) } }]
      : [{ key: 'risk.model.oneClass', params: { examples: fmtNumber(model.examples) } }];
  }
  const lines: Line[] = [
    { key: 'risk.model.learned', params: { examples: fmtNumber(model.examples), late: fmtPercent(model.lateShare) } },
    { key: 'risk.model.split', params: { train: fmtNumber(model.trainExamples), test: fmtNumber(model.testExamples) } },
  ];
  if (model.auc === null) lines.push({ key: 'risk.model.aucNone' });
  else {
    lines.push({ key: 'risk.model.auc', params: { share: fmtPercent(model.auc), auc: model.auc.toFixed(2) } });
    lines.push({ key: aucVerdict(model.auc) });
  }
  if (model.maeDays === null) lines.push({ key: 'risk.model.maeNone' });
  else lines.push({ key: 'risk.model.mae', params: { days: fmtNumber(Math.round(model.maeDays * 10) / 10) } });
  return lines;
}
