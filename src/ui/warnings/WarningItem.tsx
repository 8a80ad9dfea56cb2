// One warning: its kind, what happened in words, since when, links to the
// customer (and invoice); dismiss with a reason, or restore a dismissed one.
import { createSignal, Show } from 'solid-js';
import type { WarningRow } from '../../api/risk';
import { severityTier } from '../../domain/risk-warnings';
import type { Book } from '../../domain/types';
import { fmtDate, t } from '../../i18n';
import { api } from '../client';
import { DateText } from '../common/DateText';
import { hrefs } from '../common/url';
import { bumpChanged } from '../state/changed';
import { today } from '../state/today';
import { DismissForm } from './DismissForm';
import { warningFormat } from './format';
import { warningText } from './warningText';

/** 0-2 need action now, 3-5 deserve a look, 6 is a standing exposure. */
function severity(w: WarningRow): 'high' | 'medium' | 'low' {
  const tier = severityTier(w);
  return tier <= 2 ? 'high' : tier <= 5 ? 'medium' : 'low';
}

export function WarningItem(props: { book: Book; row: WarningRow }) {
  const [dismissing, setDismissing] = createSignal(false);
  const [restoring, setRestoring] = createSignal(false);
  const text = () => {
    const m = warningText(props.row, warningFormat(props.book));
    return t(m.key, m.params);
  };
  const restore = async () => {
    setRestoring(true);
    try {
      await api().restoreWarning(props.book.id, props.row.key);
      bumpChanged();
    } finally {
      setRestoring(false);
    }
  };
  return (
    <li
      class={`warning warning-${severity(props.row)}`}
      classList={{ 'warning-dismissed': !!props.row.dismissed }}
      data-testid="warning-row"
      data-kind={props.row.kind}
      data-key={props.row.key}
      data-customer={props.row.customerName}
      data-dismissed={props.row.dismissed ? '1' : undefined}
    >
      <div class="warning-head">
        <span class={`badge badge-warning-${severity(props.row)}`}>{t(`warnings.kind.${props.row.kind}`)}</span>
        <span class="muted small">
          {t('warnings.since')} <DateText date={props.row.since} />
        </span>
      </div>
      <p class="warning-text" data-testid="warning-text">{text()}</p>
      <div class="warning-links small">
        <a href={hrefs.customer(props.row.customerId)} data-testid="warning-customer">{props.row.customerName}</a>
        <Show when={props.row.invoiceId}>
          {(id) => (
            <>
              {' · '}
              <a href={hrefs.invoice(id())} data-testid="warning-invoice">{t('warnings.invoice', { number: props.row.invoiceNumber ?? '' })}</a>
            </>
          )}
        </Show>
      </div>
      <Show
        when={props.row.dismissed}
        fallback={
          <Show
            when={dismissing()}
            fallback={
              <button type="button" class="btn btn-small" data-testid="warning-dismiss" onClick={() => setDismissing(true)}>
                {t('warnings.dismiss')}
              </button>
            }
          >
            <DismissForm bookId={props.book.id} warningKey={props.row.key} on={today()} onCancel={() => setDismissing(false)}
              onDone={() => setDismissing(false)} />
          </Show>
        }
      >
        {(d) => (
          <div class="warning-dismissal small">
            <span data-testid="warning-dismissal">{t('warnings.dismissedOn', { date: fmtDate(d().on), reason: d().reason })}</span>{' '}
            <button type="button" class="btn btn-small" data-testid="warning-restore" disabled={restoring()} onClick={() => void restore()}>
              {t('warnings.restore')}
            </button>
          </div>
        )}
      </Show>
    </li>
  );
}
