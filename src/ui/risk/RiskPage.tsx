// "/risk/" (风险): the book's customers by credit grade (cards that filter the
// list), the late-payment model's quality in words, the 13-week cash-in forecast,
// and the graded customer list, riskiest first. Everything follows changed().
import { createResource, createSignal, For, Show } from 'solid-js';
import { GRADES, type Grade } from '../../domain/collections';
import type { Book } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { Loading } from '../common/Loading';
import { PagedList } from '../common/PagedList';
import { RequireBook } from '../common/RequireBook';
import { getParam, replaceParams } from '../common/url';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { ForecastPanel } from './ForecastPanel';
import { gradeName } from './GradeBadge';
import { GradeCounts } from './GradeCounts';
import { GradeTable } from './GradeList';
import { ModelQualityNote } from './ModelQualityNote';

const PAGE = 50;

function gradeParam(): Grade | '' {
  const g = getParam('grade');
  return (GRADES as readonly string[]).includes(g) ? (g as Grade) : '';
}

function RiskView(props: { book: Book }) {
  const [grade, setGrade] = createSignal<Grade | ''>(gradeParam());
  const [offset, setOffset] = createSignal(Math.max(0, Number(getParam('offset')) || 0));
  const remember = () => replaceParams({ grade: grade(), offset: offset() || '' });
  const filter = (g: Grade | '') => {
    setGrade(g);
    setOffset(0);
    remember();
  };

  const [overview] = createResource(
    () => ({ bookId: props.book.id, asOf: today(), v: changed() }),
    (q) => api().riskOverview(q.bookId, q.asOf),
  );
  const [list] = createResource(
    () => ({ bookId: props.book.id, asOf: today(), grade: grade(), offset: offset(), v: changed() }),
    (q) => api().listGrades(q.bookId, { asOf: q.asOf, offset: q.offset, limit: PAGE, ...(q.grade ? { grade: q.grade } : {}) }),
  );

  return (
    <>
      <PageHeader title={t('risk.page.title')} />
      <p>{t('risk.page.intro')}</p>
      <Show when={overview.latest} fallback={<Loading />}>
        {(o) => (
          <>
            <section class="panel" data-testid="risk-overview" data-as-of={o().asOf}>
              <h2>{t('risk.page.byGrade')}</h2>
              <GradeCounts grades={o().grades} selected={grade()} onSelect={filter} />
              <h3>{t('risk.model.title')}</h3>
              <ModelQualityNote model={o().model} />
            </section>
            <ForecastPanel book={props.book} forecast={o().forecast} asOf={o().asOf} />
          </>
        )}
      </Show>
      <section class="panel" data-testid="grade-list">
        <div class="section-head">
          <h2>{t('risk.list.title')}</h2>
          <label class="inline-label">
            <span>{t('risk.list.filter')}</span>
            <select name="grade" data-testid="grade-filter" onChange={(e) => filter(e.currentTarget.value as Grade | '')}>
              <option value="" selected={grade() === ''}>{t('risk.list.all')}</option>
              <For each={GRADES}>{(g) => <option value={g} selected={grade() === g}>{gradeName(g)}</option>}</For>
            </select>
          </label>
        </div>
        <PagedList page={list.latest} onOffset={(n) => {
          setOffset(n);
          remember();
        }}>
          {(rows) => (
            <Show when={rows.length > 0} fallback={<p class="empty-state" data-testid="grade-empty">{t('risk.list.empty')}</p>}>
              <GradeTable rows={rows} currency={props.book.currency} />
            </Show>
          )}
        </PagedList>
      </section>
    </>
  );
}

export default function RiskPage() {
  return (
    <Shell active="risk" title={t('risk.page.title')}>
      <RequireBook>{(b) => <RiskView book={b()} />}</RequireBook>
    </Shell>
  );
}
