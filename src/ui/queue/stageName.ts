// A stage's name: the shipped stages have translated names, a book's own stages show their id.
import type { Stage } from '../../domain/collections';
import { isMessageKey, t } from '../../i18n';

export function stageName(stage: Pick<Stage, 'id'> | string): string {
  const id = typeof stage === 'string' ? stage : stage.id;
  const key = `stage.${id}`;
  return isMessageKey(key) ? t(key) : id;
}
