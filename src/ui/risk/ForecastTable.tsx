// The 13-week cash-in forecast as a table: one <tr data-week="i"> per week, then
// the 13 weeks' total with its own band, money expected later, and money overdue
// with no day to name.
import { For } from 'solid-js';
import type { CashForecast } from '../../domain/cash-forecast';
import { fmtNumber, t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';

export function ForecastTable(props: { forecast: CashForecast; currency: string }) {
  const f = () => props.forecast;
  return (
    <div class="table-scroll">
      <table class="table" data-testid="forecast-table">
        <thead>
          <tr>
            <th scope="col">{t('risk.forecast.week')}</th>
            <th scope="col">{t('risk.forecast.days')}</th>
            <th scope="col" class="num">{t('risk.forecast.expected')}</th>
            <th scope="col" class="num">{t('risk.forecast.low')}</th>
            <th scope="col" class="num">{t('risk.forecast.high')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={f().weeks}>
            {(w, i) => (
              <tr data-week={i()} data-expected={w.expected}>
                <th scope="row">{fmtNumber(i() + 1)}</th>
                <td class="nowrap">
                  <DateText date={w.start} /> – <DateText date={w.end} />
                </td>
                <td class="num"><Money amount={w.expected} currency={props.currency} /></td>
                <td class="num muted"><Money amount={w.low} currency={props.currency} /></td>
                <td class="num muted"><Money amount={w.high} currency={props.currency} /></td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr class="total">
            <th scope="row" colSpan={2}>{t('risk.forecast.total')}</th>
            <td class="num"><Money amount={f().total.expected} currency={props.currency} testid="forecast-table-total" /></td>
            <td class="num"><Money amount={f().total.low} currency={props.currency} /></td>
            <td class="num"><Money amount={f().total.high} currency={props.currency} /></td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>{t('risk.forecast.later')}</th>
            <td class="num"><Money amount={f().later} currency={props.currency} /></td>
            <td />
            <td />
          </tr>
          <tr>
            <th scope="row" colSpan={2}>{t('risk.forecast.overdue')}</th>
            <td class="num"><Money amount={f().overdue} currency={props.currency} /></td>
            <td />
            <td />
          </tr>
          <tr class="total">
            <th scope="row" colSpan={2}>{t('risk.forecast.open')}</th>
            <td class="num"><Money amount={f().open} currency={props.currency} /></td>
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
