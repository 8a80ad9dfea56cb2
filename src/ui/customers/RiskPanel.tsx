// The customer's credit score (0-100, higher is safer) and grade: the grade in use
// (with the computed one when set by hand) and the override form, each part with
// what it measured and how many points it cost, the suggestion that follows the
// grade, the month-end history, the chance the next invoice is paid late, the open
// invoices' outlook, and a line on the model that gave those chances.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { RiskPart } from '../../domain/risk-score';
import type { Book, Id } from '../../domain/types';
import { fmtDate, fmtNumber, fmtPercent, t } from '../../i18n';
import { api } from '../client';
import { GradeBadge, gradeName } from '../risk/GradeBadge';
import { GradeHistory } from '../risk/GradeHistory';
import { GradeOverrideForm } from '../risk/GradeOverrideForm';
import { InvoiceOutlookTable } from '../risk/InvoiceOutlook';
import { ModelQualityNote } from '../risk/ModelQualityNote';
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
  const [overriding, setOverriding] = createSignal(false);
  const [note, setNote] = createSignal('');
  return (
    <Show when={risk.latest}>
      {(r) => (
        <section class="panel" data-testid="risk" data-score={r().score} data-grade={r().grade} data-effective-grade={r().effectiveGrade}>
          <h2>
            {t('risk.title')}: {fmtNumber(r().score)} ·{' '}
            <GradeBadge grade={r().effectiveGrade} named overridden={!!r().override} computed={r().grade} testid="risk-grade" />
          </h2>
          <p class="muted">{t('risk.intro')}</p>
          <Show when={r().override}>
            {(o) => (
              <p class="risk-note" data-testid="risk-override">
                {t('risk.override.note', { grade: gradeName(o().grade), date: fmtDate(o().setOn), reason: o().reason, computed: gradeName(r().grade) })}
              </p>
            )}
          </Show>
          <div class="row-actions no-print">
            <button type="button" class="btn" data-testid="grade-override-open" aria-expanded={overriding()} onClick={() => {
                setNote('');
                setOverriding(!overriding());
              }}>
              {t('risk.override.open')}
            </button>
            <Show when={note()}>
              <span class="field-ok" role="status" data-testid="grade-override-done">{note()}</span>
            </Show>
          </div>
          <Show when={overriding()}>
            <GradeOverrideForm bookId={props.book.id} customerId={props.customerId} grade={r().grade} override={r().override}
              onDone={(text) => {
                setOverriding(false);
                setNote(text);
              }} />
          </Show>
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
          <div class="grid-2 risk-detail">
            <div>
              <h3>{t('risk.history.title')}</h3>
              <GradeHistory history={r().history} />
            </div>
            <div>
              <h3>{t('risk.outlook.title')}</h3>
              <p data-testid="risk-late-probability" data-value={r().lateProbability}>
                {t('risk.outlook.next', { share: fmtPercent(r().lateProbability) })}
              </p>
              <ModelQualityNote model={r().model} compact />
            </div>
          </div>
          <Show when={r().invoices.length > 0}>
            <InvoiceOutlookTable invoices={r().invoices} currency={props.book.currency} />
          </Show>
        </section>
      )}
    </Show>
  );
}
