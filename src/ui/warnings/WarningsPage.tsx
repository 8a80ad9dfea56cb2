// "/warnings/" (风险预警): the book's early warnings, most severe first, each in
// words with links to its customer and invoice; dismiss with a reason, show the
// dismissed ones and restore them; counts by kind filter the list; and the
// per-device "notify me when the app opens" switch.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { WarningKind } from '../../domain/risk-warnings';
import type { Book } from '../../domain/types';
import { fmtDate, fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { Loading } from '../common/Loading';
import { RequireBook } from '../common/RequireBook';
import { getParam, replaceParams } from '../common/url';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { NotifySetting } from './NotifySetting';
import { WarningItem } from './WarningItem';
import { WARNING_KINDS } from './warningText';

function kindParam(): WarningKind | '' {
  const k = getParam('kind');
  return (WARNING_KINDS as readonly string[]).includes(k) ? (k as WarningKind) : '';
}

function WarningsView(props: { book: Book }) {
  const [showDismissed, setShowDismissed] = createSignal(getParam('dismissed') === '1');
  const [kind, setKind] = createSignal<WarningKind | ''>(kindParam());
  const remember = () => replaceParams({ kind: kind(), dismissed: showDismissed() ? '1' : '' });
  const [list] = createResource(
    () => ({ bookId: props.book.id, asOf: today(), all: showDismissed(), v: changed() }),
    (q) => api().warnings(q.bookId, q.asOf, { includeDismissed: q.all }),
  );
  const rows = () => (list.latest?.rows ?? []).filter((r) => !kind() || r.kind === kind());

  return (
    <>
      <PageHeader title={t('warnings.title')} />
      <p>{t('warnings.intro')}</p>
      <Show when={list.latest} fallback={<Loading />}>
        {(l) => (
          <section class="panel" data-testid="warnings" data-active={l().active} data-dismissed={l().dismissed}>
            <p data-testid="warnings-active">
              {t('warnings.activeCount', { count: fmtNumber(l().active) })} <span class="muted">{t('warnings.window', { since: fmtDate(l().since) })}</span>
            </p>
            <div class="chips" role="group" aria-label={t('warnings.byKind')}>
              <For each={WARNING_KINDS}>
                {(k) => (
                  <button
                    type="button"
                    class="chip"
                    data-testid="warning-kind"
                    data-kind={k}
                    data-count={l().byKind[k]}
                    aria-pressed={kind() === k}
                    disabled={l().byKind[k] === 0 && kind() !== k}
                    onClick={() => {
                      setKind(kind() === k ? '' : k);
                      remember();
                    }}
                  >
                    {t(`warnings.kind.${k}`)} <strong>{fmtNumber(l().byKind[k])}</strong>
                  </button>
                )}
              </For>
            </div>
            <div class="field field-check">
              <label>
                <input
                  type="checkbox"
                  data-testid="warnings-show-dismissed"
                  checked={showDismissed()}
                  onChange={(e) => {
                    setShowDismissed(e.currentTarget.checked);
                    remember();
                  }}
                />
                <span>{t('warnings.showDismissed', { count: fmtNumber(l().dismissed) })}</span>
              </label>
            </div>
            <Show when={rows().length > 0} fallback={<p class="empty-state" data-testid="warnings-empty">{t('warnings.empty')}</p>}>
              <ul class="warnings" data-testid="warning-list">
                <For each={rows()}>{(row) => <WarningItem book={props.book} row={row} />}</For>
              </ul>
            </Show>
          </section>
        )}
      </Show>
      <section class="panel">
        <h2>{t('warnings.notify.heading')}</h2>
        <NotifySetting />
      </section>
    </>
  );
}

export default function WarningsPage() {
  return (
    <Shell active="warnings" title={t('warnings.title')}>
      <RequireBook>{(b) => <WarningsView book={b()} />}</RequireBook>
    </Shell>
  );
}
