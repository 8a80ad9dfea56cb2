// The headline figures: total open, overdue (with count), unapplied credit, customers with a balance.
import type { Dashboard } from '../../api/contract';
import { fmtNumber, t } from '../../i18n';
import { Money } from '../common/Money';

export function KpiCards(props: { data: Dashboard }) {
  const c = () => props.data.currency;
  return (
    <div class="kpis">
      <div class="kpi">
        <div class="kpi-label">{t('dash.totalOpen')}</div>
        <Money amount={props.data.totalOpen} currency={c()} testid="dash-total-open" class="kpi-value" />
        <div class="kpi-sub" data-testid="dash-open-count">
          {t('dash.openCount', { count: props.data.openCount })}
        </div>
      </div>
      <div class="kpi kpi-alert" classList={{ 'kpi-zero': props.data.overdue === 0 }}>
        <div class="kpi-label">{t('dash.overdue')}</div>
        <Money amount={props.data.overdue} currency={c()} testid="dash-overdue" class="kpi-value" />
        <div class="kpi-sub" data-testid="dash-overdue-count">
          {t('dash.overdueCount', { count: props.data.overdueCount })}
        </div>
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('dash.credit')}</div>
        <Money amount={props.data.unappliedCredit} currency={c()} testid="dash-credit" class="kpi-value" />
      </div>
      <div class="kpi">
        <div class="kpi-label">{t('dash.customersWithBalance')}</div>
        <span class="kpi-value" data-testid="dash-customers">
          {fmtNumber(props.data.customersWithBalance)}
        </span>
      </div>
    </div>
  );
}
