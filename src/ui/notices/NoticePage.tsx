// "/notice/": a produced notice (?id=) with print, copy, email and delivery; or a
// draft for a customer (?customer=&template=&stage=) that is stored, numbered and
// logged only when the user produces it.
import { createResource, createSignal, For, Show } from 'solid-js';
import { TEMPLATE_IDS, type TemplateId } from '../../domain/collections';
import { addDays } from '../../domain/calendar';
import type { Book } from '../../domain/types';
import { errorText, t } from '../../i18n';
import { api } from '../client';
import { DateText } from '../common/DateText';
import { createFlash, Flash } from '../common/Flash';
import { RequireBook } from '../common/RequireBook';
import { getParam, hrefs } from '../common/url';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { bumpChanged, changed } from '../state/changed';
import { today } from '../state/today';
import { NoticeSheet } from './NoticeSheet';
import { NoticeTools } from './NoticeTools';

function StoredNotice(props: { book: Book; id: string }) {
  const flash = createFlash();
  const [deliveredOn, setDeliveredOn] = createSignal(today());
  const [notice] = createResource(() => ({ id: props.id, v: changed() }), (q) => api().getNotice(props.book.id, q.id));
  const deliver = async () => {
    const r = await api().markNoticeDelivered(props.book.id, props.id, deliveredOn());
    if (r.ok) bumpChanged();
    else if (r.errors[0]) flash.show({ text: errorText(r.errors[0]) });
  };
  return (
    <Show when={notice.latest} fallback={<Show when={notice.state === 'ready'}><p>{t('error.notice.notFound')}</p></Show>}>
      {(n) => (
        <>
          <PageHeader title={`${t('notice.title')} ${n().number}`} />
          <Flash flash={flash} />
          <p class="no-print">
            <a href={hrefs.customer(n().customerId)}>{n().customerName}</a>
            {' · '}
            <span data-testid="notice-delivery" data-delivered={n().deliveredOn ?? ''}>
              {n().deliveredOn ? t('notice.delivered', { date: '' }) : t('notice.notDelivered')}
              <Show when={n().deliveredOn}>{(d) => <DateText date={d()} />}</Show>
            </span>
          </p>
          <NoticeTools number={n().number} subject={n().subject} text={n().text} email={n().email} from={props.book.name} />
          <Show when={!n().deliveredOn}>
            <div class="inline-fields no-print">
              <div class="field">
                <label for="delivered-on">{t('notice.deliveredOn')}</label>
                <input id="delivered-on" name="deliveredOn" type="date" value={deliveredOn()} onInput={(e) => setDeliveredOn(e.currentTarget.value)} />
              </div>
              <button type="button" class="btn" data-testid="notice-delivered" onClick={() => void deliver()}>{t('notice.markDelivered')}</button>
            </div>
          </Show>
          <NoticeSheet subject={n().subject} blocks={n().blocks} />
        </>
      )}
    </Show>
  );
}

function DraftNotice(props: { book: Book; customerId: string }) {
  const flash = createFlash();
  const initial = getParam('template') as TemplateId;
  const [template, setTemplate] = createSignal<TemplateId>(TEMPLATE_IDS.includes(initial) ? initial : 'notice');
  const [deadline, setDeadline] = createSignal(addDays(today(), 7));
  const [locale, setLocale] = createSignal<'zh-CN' | 'en'>(props.book.locale === 'en' ? 'en' : 'zh-CN');
  const stageId = getParam('stage');
  const request = () => ({ customerId: props.customerId, template: template(), stageId, date: today(), deadline: deadline(), locale: locale() });
  const [draft] = createResource(() => ({ ...request(), v: changed() }), (q) => api().noticeDraft(props.book.id, q));
  const produce = async () => {
    const r = await api().issueNotice(props.book.id, request());
    if (r.ok) {
      bumpChanged();
      location.assign(`/notice/?id=${encodeURIComponent(r.value.id)}`);
    } else if (r.errors[0]) flash.show({ text: errorText(r.errors[0]) });
  };
  return (
    <>
      <PageHeader title={t('notice.title')} />
      <Flash flash={flash} />
      <div class="inline-fields no-print">
        <div class="field">
          <label for="notice-template">{t('notice.template')}</label>
          <select id="notice-template" name="template" onChange={(e) => setTemplate(e.currentTarget.value as TemplateId)}>
            <For each={TEMPLATE_IDS}>{(id) => <option value={id} selected={template() === id}>{t(`notice.template.${id}`)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="notice-deadline">{t('notice.deadline')}</label>
          <input id="notice-deadline" name="deadline" type="date" value={deadline()} onInput={(e) => setDeadline(e.currentTarget.value || deadline())} />
        </div>
        <div class="field">
          <label for="notice-locale">{t('notice.language')}</label>
          <select id="notice-locale" name="locale" onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : 'zh-CN')}>
            <option value="zh-CN" selected={locale() === 'zh-CN'}>中文</option>
            <option value="en" selected={locale() === 'en'}>English</option>
          </select>
        </div>
      </div>
      <Show when={draft.state === 'ready'}>
        <Show when={draft.latest} fallback={<p data-testid="notice-nothing">{t('notice.nothing')}</p>}>
          {(d) => (
            <>
              <p class="muted no-print">{t('notice.draft')}</p>
              <div class="actions no-print">
                <button type="button" class="btn btn-primary" data-testid="notice-produce" onClick={() => void produce()}>
                  {t('notice.produce', { number: d().number })}
                </button>
              </div>
              <NoticeSheet subject={d().subject} blocks={d().blocks} />
            </>
          )}
        </Show>
      </Show>
    </>
  );
}

export default function NoticePage() {
  const id = getParam('id');
  const customer = getParam('customer');
  return (
    <Shell active="queue" title={t('notice.title')}>
      <RequireBook>
        {(b) => (id ? <StoredNotice book={b()} id={id} /> : <DraftNotice book={b()} customerId={customer} />)}
      </RequireBook>
    </Shell>
  );
}
