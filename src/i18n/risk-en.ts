// English messages of credit risk (issue 5): grades, the model, the cash forecast,
// early warnings. Spread into en.ts; risk-zh.ts is typed against these keys.
export const riskEn = {
  'error.grade.reasonRequired': 'Say why the grade is set by hand.',
  'error.grade.customerNotFound': 'This customer no longer exists.',
  'error.warning.reasonRequired': 'Say why this warning is dismissed.',
} as const;
