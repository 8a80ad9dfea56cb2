// First run: no book yet. Create one, or load the demo book.
import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n';
import { BookForm } from '../books/BookForm';
import { DemoLoader } from '../books/DemoLoader';
import { refreshBooks, selectBook } from '../state/book';

export function Welcome() {
  const [creating, setCreating] = createSignal(false);
  return (
    <section class="welcome">
      <div class="panel">
        <h1>{t('welcome.title')}</h1>
        <p class="lead">{t('welcome.body')}</p>
        <Show
          when={creating()}
          fallback={
            <button type="button" class="btn btn-primary" data-testid="new-book" onClick={() => setCreating(true)}>
              {t('welcome.create')}
            </button>
          }
        >
          <BookForm
            title={t('settings.newBookTitle')}
            testid="new-book-form"
            onCancel={() => setCreating(false)}
            onSaved={async (b) => {
              await selectBook(b.id);
              await refreshBooks();
            }}
          />
        </Show>
      </div>
      <div class="panel">
        <h2>{t('welcome.demo')}</h2>
        <p>{t('demo.body')}</p>
        <DemoLoader />
      </div>
    </section>
  );
}
