// A calendar date shown through Intl, with the ISO form in a <time> element.
import { fmtDate } from '../../i18n';
import type { IsoDate } from '../../domain/types';

export function DateText(props: { date: IsoDate | null | undefined }) {
  return <time datetime={props.date ?? undefined}>{fmtDate(props.date)}</time>;
}
