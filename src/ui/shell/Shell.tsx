// The frame of every page island: navigation, book switcher, as-of date, undo,
// language, storage banner and update prompt. Content renders once storage is open.
import { createEffect, ErrorBoundary, Match, on, onCleanup, onMount, Switch, type JSX } from 'solid-js';
import UpdatePrompt from '../pwa/UpdatePrompt';
import { t } from '../../i18n';
import { Loading } from '../common/Loading';
import { LoadError } from '../common/LoadError';
import { refreshBooks } from '../state/book';
import { changed } from '../state/changed';
import { followOtherTabs } from '../state/otherTabs';
import { sessionState, startSession } from '../state/session';
import { BookSwitcher } from './BookSwitcher';
import { LangToggle } from './LangToggle';
import { Nav, type NavPage } from './Nav';
import { StorageBanner } from './StorageBanner';
import { TodayControl } from './TodayControl';
import { UndoButton } from './UndoButton';
import { WarningNotifier } from '../warnings/WarningNotifier';
import { SyncIndicator } from '../sync/SyncIndicator';

export function Shell(props: { active: NavPage; title: string; children: JSX.Element }) {
  onMount(() => {
    void startSession();
    onCleanup(followOtherTabs());
  });
  // A write may rename a book or change its currency or aging: reload the book record.
  createEffect(on(changed, () => void refreshBooks().catch(() => undefined), { defer: true }));
  createEffect(() => {
    document.title = `${props.title} · ${t('app.name')}`;
  });

  return (
    <div class="app">
      <header class="sidebar no-print">
        <a class="brand" href="/">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </a>
        <Nav active={props.active} />
        <div class="controls">
          <BookSwitcher />
          <SyncIndicator />
          <TodayControl />
          <div class="control-row">
            <UndoButton />
            <LangToggle />
          </div>
        </div>
      </header>
      <main class="main" id="main">
        <StorageBanner />
        <UpdatePrompt />
        <WarningNotifier />
        <Switch>
          <Match when={sessionState() === 'starting'}>
            <Loading />
          </Match>
          <Match when={sessionState() === 'ready'}>
            <ErrorBoundary fallback={(err, reset) => <LoadError error={err} retry={reset} />}>{props.children}</ErrorBoundary>
          </Match>
        </Switch>
      </main>
    </div>
  );
}
