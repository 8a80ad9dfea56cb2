// The customer's credit score (0-100, higher is safer) and grade, with each part:
// what it measured and how many points it cost, and what the grade suggests.
import { createResource, For, Show } from 'solid-js';
import type { RiskPart } from '../../domain/risk-score';
import type { Book, Id } from '../../domain/types';
import { fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { changed } from '../state/changed';
import { today } from '../state/today';

/** The measured fact, in its own unit: a share as a percentage, days as days. */
function measured(part: RiskPart): string {
  switch (part.key) {
    case 'overdue':
    case 'promises':
    case 'disputes':
    case 'limit':
      return `${fmtNumber(Math.round(part.value * 100))}%`;
    default:
      return t('queue.days', { days: fmtNumber(Math.round(part.value)) });
  }
}

export function RiskPanel(props: { book: Book; customerId: Id }) {
  const [risk] = createResource(
    () => ({ bookId: props.book.id, id: props.customerId, asOf: today(), v: changed() }),
    (q) => api().customerRisk(q.bookId, q.id, q.asOf),
  );
  return (
    <Show when={risk.latest}>
      {(r) => (
        <section class="panel" data-testid="risk" data-score={r().score} data-grade={r().grade}>
          <h2>
            {t('risk.title')}: {fmtNumber(r().score)} · <span class={`badge badge-grade-${r().grade}`}>{t(`risk.grade.${r().grade}`)}</span>
          </h2>
          <p class="muted">{t('risk.intro')}</p>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('risk.part')}</th>
                <th scope="col" class="num">{t('risk.measured')}</th>
                <th scope="col" class="num">{t('risk.points')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().parts}>
                {(p) => (
                  <tr data-testid="risk-part" data-part={p.key}>
                    <td>
                      {t(`risk.part.${p.key}`)}
                      <div class="muted small">{t(`risk.why.${p.key}`)}</div>
                    </td>
                    <td class="num">{measured(p)}</td>
                    <td class="num">{p.points > 0 ? `−${fmtNumber(Math.round(p.points * 10) / 10)}` : '0'}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <p data-testid="risk-suggestion">
            {t(`risk.limit.${r().suggestion.limit}`)} {t(`risk.terms.${r().suggestion.termsDays}`)}
          </p>
        </section>
      )}
    </Show>
  );
}
