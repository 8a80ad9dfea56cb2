// A customer statement laid out as an A4 sheet (the notice sheet's print styling):
// who and which period, the opening balance, the period's lines with the running
// balance, the totals and closing balance, then the aging line of what is open at
// the end and the payments not yet applied, which together explain the closing balance.
import { For, Show } from 'solid-js';
import type { CustomerStatement } from '../../api/statements';
import { bucketLabel, fmtDate, t } from '../../i18n';
import { Money } from '../common/Money';

export function StatementSheet(props: { statement: CustomerStatement }) {
  const s = () => props.statement;
  const money = (amount: number, testid?: string) => <Money amount={amount} currency={s().currency} testid={testid} />;
  return (
    <article class="notice-sheet statement-sheet" data-testid="statement-sheet">
      <header class="statement-head">
        <h2>{t('statement.title')}</h2>
        <p>{t('statement.creditor', { name: s().creditor })}</p>
        <p>{t('statement.debtor', { name: s().debtor })}</p>
        <p>
          {t('statement.period', { from: fmtDate(s().from), to: fmtDate(s().to) })}
          {' · '}
          {t('statement.currency', { currency: s().currency })}
        </p>
      </header>

      <table class="notice-table statement-lines" data-testid="statement-lines">
        <thead>
          <tr>
            <th scope="col">{t('statement.col.date')}</th>
            <th scope="col">{t('statement.col.kind')}</th>
            <th scope="col">{t('statement.col.reference')}</th>
            <th scope="col">{t('statement.col.note')}</th>
            <th scope="col" class="num">{t('statement.col.debit')}</th>
            <th scope="col" class="num">{t('statement.col.credit')}</th>
            <th scope="col" class="num">{t('statement.col.balance')}</th>
          </tr>
        </thead>
        <tbody>
          <tr class="statement-total" data-testid="statement-opening">
            <td>{fmtDate(s().from)}</td>
            <td colSpan={5}>{t('statement.opening')}</td>
            <td class="num">{money(s().openingBalance, 'statement-opening-balance')}</td>
          </tr>
          <For each={s().lines} fallback={<tr><td colSpan={7} class="muted">{t('statement.noLines')}</td></tr>}>
            {(line) => (
              <tr data-testid="statement-line" data-kind={line.kind}>
                <td>{fmtDate(line.date)}</td>
                <td>{t(`statement.kind.${line.kind}`)}</td>
                <td>{line.reference}</td>
                <td>{line.note}</td>
                <td class="num">{line.debit !== 0 ? money(line.debit) : ''}</td>
                <td class="num">{line.credit !== 0 ? money(line.credit) : ''}</td>
                <td class="num">{money(line.balance)}</td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr class="statement-total">
            <td colSpan={4}>{t('statement.totals')}</td>
            <td class="num">{money(s().totalDebit, 'statement-total-debit')}</td>
            <td class="num">{money(s().totalCredit, 'statement-total-credit')}</td>
            <td />
          </tr>
          <tr class="statement-total" data-testid="statement-closing">
            <td>{fmtDate(s().to)}</td>
            <td colSpan={5}>{t('statement.closing')}</td>
            <td class="num">{money(s().closingBalance, 'statement-closing-balance')}</td>
          </tr>
        </tfoot>
      </table>

      <h3 class="statement-subhead">{t('statement.aging', { date: fmtDate(s().to) })}</h3>
      <table class="notice-table statement-aging" data-testid="statement-aging">
        <thead>
          <tr>
            <For each={s().aging}>{(b) => <th scope="col" class="num">{bucketLabel(b)}</th>}</For>
            <th scope="col" class="num">{t('statement.agingTotal')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <For each={s().aging}>{(b, i) => <td class="num" data-bucket={i()}>{money(b.amount)}</td>}</For>
            <td class="num">{money(s().agingTotal, 'statement-aging-total')}</td>
          </tr>
        </tbody>
      </table>
      <Show when={s().unappliedCredit !== 0}>
        <p class="statement-note">
          {t('statement.unappliedCredit')} {money(s().unappliedCredit, 'statement-unapplied')}
        </p>
        <p class="statement-note muted">{t('statement.balanceExplained')}</p>
      </Show>
    </article>
  );
}
