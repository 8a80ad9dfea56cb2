// How many customers are in each grade, as cards; a card filters the graded list
// to its grade (pressed again, the filter goes).
import { For } from 'solid-js';
import { GRADES, type Grade } from '../../domain/collections';
import { fmtNumber, t } from '../../i18n';
import { GradeBadge, gradeName } from './GradeBadge';

export function GradeCounts(props: { grades: Record<Grade, number>; selected: Grade | ''; onSelect: (g: Grade | '') => void }) {
  return (
    <div class="kpis grade-cards" role="group" aria-label={t('risk.page.byGrade')}>
      <For each={GRADES}>
        {(g) => (
          <button
            type="button"
            class={`kpi grade-card grade-card-${g}`}
            data-testid="grade-card"
            data-grade={g}
            data-count={props.grades[g]}
            aria-pressed={props.selected === g}
            title={t('risk.page.filterTo', { grade: gradeName(g) })}
            onClick={() => props.onSelect(props.selected === g ? '' : g)}
          >
            <span class="kpi-label">
              <GradeBadge grade={g} named />
            </span>
            <span class="kpi-value">{fmtNumber(props.grades[g])}</span>
            <span class="kpi-sub">{t('risk.page.customers')}</span>
          </button>
        )}
      </For>
    </div>
  );
}
