// The points of a small score line: x evenly spaced over `width`, y = the score
// (clamped to 0..100) with 100 at the top, one decimal each.
export function sparkPoints(scores: number[], width: number, height: number): string {
  if (scores.length === 0) return '';
  const step = scores.length > 1 ? width / (scores.length - 1) : 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return scores
    .map((s, i) => `${round(i * step)},${round((1 - Math.min(100, Math.max(0, s)) / 100) * height)}`)
    .join(' ');
}
