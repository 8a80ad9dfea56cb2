// Previous / next over a Page<T>, with "1–50 of 1,234".
import { Show } from 'solid-js';
import { fmtNumber, t } from '../../i18n';

export function Pager(props: { offset: number; limit: number; total: number; onOffset: (offset: number) => void }) {
  const from = () => (props.total === 0 ? 0 : props.offset + 1);
  const to = () => Math.min(props.offset + props.limit, props.total);
  return (
    <Show when={props.total > 0}>
      <nav class="pager" aria-label={t('common.pageInfo', { from: fmtNumber(from()), to: fmtNumber(to()), total: fmtNumber(props.total) })}>
        <button
          type="button"
          class="btn"
          data-testid="pager-prev"
          disabled={props.offset === 0}
          onClick={() => props.onOffset(Math.max(0, props.offset - props.limit))}
        >
          {t('common.prev')}
        </button>
        <span class="pager-info">{t('common.pageInfo', { from: fmtNumber(from()), to: fmtNumber(to()), total: fmtNumber(props.total) })}</span>
        <button
          type="button"
          class="btn"
          data-testid="pager-next"
          disabled={props.offset + props.limit >= props.total}
          onClick={() => props.onOffset(props.offset + props.limit)}
        >
          {t('common.next')}
        </button>
      </nav>
    </Show>
  );
}
