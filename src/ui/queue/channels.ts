// The contact channels as select options, in the order a bookkeeper escalates.
import type { Channel } from '../../domain/types';
import { t } from '../../i18n';

export const CHANNELS: readonly Channel[] = ['phone', 'sms', 'wechat', 'email', 'letter', 'visit', 'lawyer', 'litigation'];

export const CHANNEL_OPTIONS = () => CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }));
