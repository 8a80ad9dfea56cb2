// A customer's score at each of the last 12 month ends and today: a small line
// (an SVG, with the grade bands shaded) and the same points as a table.
import { For } from 'solid-js';
import type { GradePoint } from '../../api/risk';
import { GRADE_FLOORS } from '../../domain/risk-score';
import { fmtNumber, t } from '../../i18n';
import { DateText } from '../common/DateText';
import { GradeBadge } from './GradeBadge';
import { sparkPoints } from './sparkline';

const W = 260;
const H = 64;

export function GradeHistory(props: { history: GradePoint[] }) {
  const y = (score: number) => (1 - score / 100) * H;
  return (
    <div class="grade-history" data-testid="grade-history" data-points={props.history.length}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={t('risk.history.chartLabel')} class="sparkline">
        <rect x="0" y={y(100)} width={W} height={y(GRADE_FLOORS.A)} class="band-A" />
        <rect x="0" y={y(GRADE_FLOORS.A)} width={W} height={y(GRADE_FLOORS.B) - y(GRADE_FLOORS.A)} class="band-B" />
        <rect x="0" y={y(GRADE_FLOORS.B)} width={W} height={y(GRADE_FLOORS.C) - y(GRADE_FLOORS.B)} class="band-C" />
        <rect x="0" y={y(GRADE_FLOORS.C)} width={W} height={H - y(GRADE_FLOORS.C)} class="band-D" />
        <polyline points={sparkPoints(props.history.map((p) => p.score), W, H)} fill="none" stroke="#134e4a" stroke-width="2" />
      </svg>
      <details>
        <summary>{t('risk.history.table')}</summary>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('risk.history.date')}</th>
              <th scope="col" class="num">{t('risk.list.score')}</th>
              <th scope="col">{t('risk.list.grade')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.history}>
              {(p) => (
                <tr data-testid="grade-point" data-date={p.date} data-grade={p.grade}>
                  <td><DateText date={p.date} /></td>
                  <td class="num">{fmtNumber(p.score)}</td>
                  <td><GradeBadge grade={p.grade} /></td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </div>
  );
}
