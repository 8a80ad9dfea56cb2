// The settings page's collections section: the book's policies, late charges,
// letterhead texts and notice templates, each saved on its own. Loaded once per
// book; the parts keep what was typed and what was saved themselves.
import { createResource, Show } from 'solid-js';
import { currencyDigits } from '../../domain/money';
import type { Book } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { LoadError } from '../common/LoadError';
import { Loading } from '../common/Loading';
import { ChargeRuleForm } from './collections/ChargeRuleForm';
import { LetterheadForm } from './collections/LetterheadForm';
import { PolicyEditor } from './collections/PolicyEditor';
import { TemplateEditor } from './collections/TemplateEditor';

function CollectionsParts(props: { book: Book }) {
  const [settings, { refetch }] = createResource(() => props.book.id, (id) => api().collectionSettings(id));
  const money = () => ({ digits: currencyDigits(props.book.currency), commaDecimal: props.book.commaDecimal, currency: props.book.currency });
  return (
    <Show when={!settings.error} fallback={<LoadError error={settings.error} retry={() => void refetch()} />}>
      <Show when={settings()} fallback={<Loading />}>
        {(s) => (
          <>
            <PolicyEditor bookId={props.book.id} policies={s().policies} money={money()} />
            <ChargeRuleForm bookId={props.book.id} rule={s().chargeRule} currency={props.book.currency} digits={money().digits} />
            <LetterheadForm bookId={props.book.id} letterhead={s().letterhead} />
            <TemplateEditor bookId={props.book.id} bookLocale={props.book.locale === 'en' ? 'en' : 'zh-CN'} own={s().templates.own}
              shipped={s().templates.shipped} />
          </>
        )}
      </Show>
    </Show>
  );
}

export function CollectionsSettings(props: { book: Book }) {
  return (
    <section class="panel collections-settings" data-testid="collections-settings">
      <h2>{t('cs.title')}</h2>
      <p class="muted">{t('cs.intro')}</p>
      {/* Fresh forms per book, so nothing typed for one book is saved into another;
          but not after the book's own settings are saved (same id), which would drop unsaved edits. */}
      <Show when={props.book.id} keyed>
        {(_id) => <CollectionsParts book={props.book} />}
      </Show>
    </section>
  );
}
