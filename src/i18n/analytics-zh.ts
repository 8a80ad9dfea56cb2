// 回款分析页的中文。Typed against analytics-en.ts.
import type { analyticsEn } from './analytics-en';

export const analyticsZh: { readonly [K in keyof typeof analyticsEn]: string } = {
  'analytics.title': '回款分析',
};
