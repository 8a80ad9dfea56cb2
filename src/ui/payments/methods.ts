// Payment methods offered in the form; stored as these codes and translated as 'method.<code>'.
export const PAYMENT_METHODS = ['bank', 'wechat', 'alipay', 'cash', 'draft', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
