// English messages of the analytics page (collection performance). Spread into en.ts;
// analytics-zh.ts is typed against these keys.
export const analyticsEn = {
  'analytics.title': 'Analytics',
} as const;
