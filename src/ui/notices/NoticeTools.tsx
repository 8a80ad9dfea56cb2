// What a produced notice can become: paper (print, the browser's print to PDF),
// text for SMS or WeChat (copy), or an email (mailto link or a .eml draft).
import { createSignal, Show } from 'solid-js';
import { emlFile, mailtoLink } from '../../domain/notice-template';
import { t } from '../../i18n';

export function NoticeTools(props: { number: string; subject: string; text: string; email: string; from: string }) {
  const [copied, setCopied] = createSignal(false);
  const copy = async () => {
    await navigator.clipboard.writeText(props.text);
    setCopied(true);
  };
  const downloadEml = () => {
    const eml = emlFile({ from: props.from, to: props.email, subject: props.subject, text: props.text, date: new Date() });
    const url = URL.createObjectURL(new Blob([eml], { type: 'message/rfc822' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${props.number}.eml`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div class="actions no-print">
      <button type="button" class="btn btn-primary" data-testid="notice-print" onClick={() => window.print()}>{t('notice.print')}</button>
      <button type="button" class="btn" data-testid="notice-copy" onClick={() => void copy()}>{t('notice.copy')}</button>
      <a class="btn" data-testid="notice-mailto" href={mailtoLink(props.email, props.subject, props.text)}>{t('notice.email')}</a>
      <button type="button" class="btn" data-testid="notice-eml" onClick={downloadEml}>{t('notice.eml')}</button>
      <Show when={copied()}>
        <span role="status">{t('notice.copied')}</span>
      </Show>
    </div>
  );
}
