// "/settings/": the current book's settings, a new book, the demo book, and storage.
import { createSignal, Show } from 'solid-js';
import { LANGS, setLang, lang, t } from '../../i18n';
import { BookForm } from '../books/BookForm';
import { DemoLoader } from '../books/DemoLoader';
import { createFlash, Flash } from '../common/Flash';
import StorageInfo from '../pwa/StorageInfo';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { BackupPanel } from './BackupPanel';
import { CollectionsSettings } from './CollectionsSettings';
import { RiskWeightsEditor } from '../risk/RiskWeightsEditor';
import { book, refreshBooks, selectBook } from '../state/book';
import { JoinSyncedBook } from '../sync/JoinSyncedBook';
import { SyncSettingsPanel } from '../sync/SyncSettingsPanel';

function SettingsView() {
  const flash = createFlash();
  const [creating, setCreating] = createSignal(false);
  const [joining, setJoining] = createSignal(false);

  return (
    <>
      <PageHeader title={t('settings.title')}>
        <button type="button" class="btn btn-primary" data-testid="new-book" aria-pressed={creating()} onClick={() => {
            flash.clear();
            setCreating(!creating());
          }}>
          + {t('settings.newBook')}
        </button>
        <button type="button" class="btn" data-testid="join-book" aria-pressed={joining()} onClick={() => {
            flash.clear();
            setJoining(!joining());
          }}>
          {t('sync.join.open')}
        </button>
      </PageHeader>
      <Flash flash={flash} />
      <Show when={joining()}>
        <JoinSyncedBook
          onCancel={() => setJoining(false)}
          onJoined={(name) => {
            setJoining(false);
            flash.show({ text: t('sync.join.done', { name }) });
          }}
        />
      </Show>
      <Show
        when={creating()}
        fallback={
          // Keyed on id and stamp: switching books, or an undo of the settings, loads
          // the book's current values into a fresh form.
          <Show when={book() ? `${book()?.id}:${book()?.updatedAt}` : ''} keyed>
            {(_id) => (
              <section class="panel">
                <BookForm
                  book={book() ?? undefined}
                  title={t('settings.book')}
                  testid="book-settings-form"
                  onSaved={() => flash.show({ text: t('settings.saved') })}
                />
              </section>
            )}
          </Show>
        }
      >
        <section class="panel">
          <BookForm
            title={t('settings.newBookTitle')}
            testid="new-book-form"
            onCancel={() => setCreating(false)}
            onSaved={async (b) => {
              await selectBook(b.id);
              await refreshBooks();
              setCreating(false);
              flash.show({ text: t('settings.created', { name: b.name }) });
            }}
          />
        </section>
      </Show>
      <div class="grid-2">
        <section class="panel">
          <h2>{t('demo.title')}</h2>
          <p>{t('demo.body')}</p>
          <DemoLoader onLoaded={(name) => flash.show({ text: t('demo.done', { name }) })} />
        </section>
        <div class="stack">
          <section class="panel">
            <h2>{t('settings.language')}</h2>
            <div class="segmented" role="group" aria-label={t('settings.language')}>
              {LANGS.map((l) => (
                <button type="button" class="btn" aria-pressed={lang() === l} classList={{ 'btn-primary': lang() === l }} onClick={() => setLang(l)}>
                  {t(`locale.${l}`)}
                </button>
              ))}
            </div>
          </section>
          <section class="panel">
            <StorageInfo />
          </section>
          <BackupPanel onDone={(text) => flash.show({ text })} />
        </div>
      </div>
      <Show when={!creating() && book()}>{(b) => <CollectionsSettings book={b()} />}</Show>
      <Show when={!creating() && book()}>{(b) => <RiskWeightsEditor book={b()} />}</Show>
      {/* Keyed on the id: a sync that refreshes the book record keeps the panel (and its messages). */}
      <Show when={!creating() && book() ? book()?.id : null} keyed>
        {(_id) => <Show when={book()}>{(b) => <SyncSettingsPanel book={b()} />}</Show>}
      </Show>
    </>
  );
}

export default function SettingsPage() {
  return (
    <Shell active="settings" title={t('settings.title')}>
      <SettingsView />
    </Shell>
  );
}
