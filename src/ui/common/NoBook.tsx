// What a page shows when there is no book to show anything from.
import { t } from '../../i18n';
import { hrefs } from './url';

export function NoBook() {
  return (
    <section class="panel empty-state">
      <h2>{t('noBook.title')}</h2>
      <p>{t('noBook.body')}</p>
      <a class="btn btn-primary" href={hrefs.dashboard()}>
        {t('noBook.link')}
      </a>
    </section>
  );
}
