// Switches zh-CN ⇄ English at once, without a reload; labelled in the other language.
import { t, toggleLang } from '../../i18n';

export function LangToggle() {
  return (
    <button type="button" class="btn" data-testid="lang-toggle" title={t('shell.langToggleTitle')} onClick={toggleLang}>
      {t('shell.langToggle')}
    </button>
  );
}
