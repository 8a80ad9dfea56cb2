// A credit grade as a coloured letter (A 优秀 / B 良好 / C 一般 / D 较差); the
// grade's name is in the title and the accessible name, so the letter alone is
// never the only cue. An override is marked, with the computed grade in the title.
import { Show } from 'solid-js';
import type { Grade } from '../../domain/collections';
import { t } from '../../i18n';

export function gradeName(grade: Grade): string {
  return t(`risk.grade.${grade}`);
}

export function GradeBadge(props: {
  grade: Grade;
  /** The computed grade, when the grade shown was set by hand and differs from it. */
  computed?: Grade | null;
  overridden?: boolean;
  /** Show the grade's name next to the letter. */
  named?: boolean;
  testid?: string;
}) {
  const label = () =>
    !props.overridden
      ? gradeName(props.grade)
      : props.computed
        ? t('risk.badge.overridden', { grade: gradeName(props.grade), computed: gradeName(props.computed) })
        : t('risk.badge.overriddenPlain', { grade: gradeName(props.grade) });
  return (
    <span
      class={`badge badge-grade badge-grade-${props.grade}`}
      data-testid={props.testid ?? 'grade-badge'}
      data-grade={props.grade}
      data-overridden={props.overridden ? '1' : undefined}
      title={label()}
      aria-label={label()}
      role="img"
    >
      <span aria-hidden="true">
        {props.named ? gradeName(props.grade) : props.grade}
        <Show when={props.overridden}>*</Show>
      </span>
    </span>
  );
}
