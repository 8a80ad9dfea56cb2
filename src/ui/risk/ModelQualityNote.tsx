// The late-payment model's quality, in words (see modelText.ts); `compact` gives
// the first lines only, for the customer page.
import { For } from 'solid-js';
import type { ModelQuality } from '../../api/risk';
import { t } from '../../i18n';
import { modelQualityLines } from './modelText';

export function ModelQualityNote(props: { model: ModelQuality; compact?: boolean }) {
  const lines = () => {
    const all = modelQualityLines(props.model);
    // Compact: what it learned from and how well it ranks, not the test sizes.
    return props.compact && props.model.kind === 'learned' ? all.filter((l) => l.key !== 'risk.model.split') : all;
  };
  return (
    <div
      class="model-quality"
      data-testid="model-quality"
      data-kind={props.model.kind}
      data-auc={props.model.kind === 'learned' && props.model.auc !== null ? props.model.auc : undefined}
    >
      <For each={lines()}>{(l) => <p class={props.compact ? 'muted small' : undefined}>{t(l.key, l.params)}</p>}</For>
    </div>
  );
}
