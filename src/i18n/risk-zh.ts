// 信用风险的中文：评级、模型、回款预测、风险预警。Typed against risk-en.ts.
import type { riskEn } from './risk-en';

export const riskZh: { readonly [K in keyof typeof riskEn]: string } = {
  'error.grade.reasonRequired': '请填写手动调整评级的原因。',
  'error.grade.customerNotFound': '该客户已不存在。',
  'error.warning.reasonRequired': '请填写忽略此预警的原因。',
};
