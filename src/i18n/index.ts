// One import point for the UI.
export { lang, setLang, toggleLang, LANGS } from './lang';
export { t, tDynamic, isMessageKey, type MessageKey, type Params } from './t';
export { fmtMoney, fmtDate, fmtDateTime, fmtNumber, fmtPercent } from './format';
export { bucketLabel, type BucketRange } from './buckets';
export { daysText } from './days';
export { errorText } from './errorText';
export { changeText, actionLabel } from './changeText';
export { CHANGE_ACTIONS, type ChangeAction } from './actions';
