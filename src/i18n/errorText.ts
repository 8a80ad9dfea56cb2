// Human text for a FieldError code, in the current language.
import type { FieldError } from '../domain/errors';
import { t } from './t';

export function errorText(e: Pick<FieldError, 'code' | 'params'>): string {
  return t(`error.${e.code}`, e.params);
}
