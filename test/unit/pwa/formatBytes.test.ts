import { describe, expect, it } from 'vitest';
import { formatBytes, formatShare } from '../../../src/ui/pwa/formatBytes';
import { pwaText } from '../../../src/i18n/pwa';

describe('formatBytes', () => {
  it('picks the largest unit that keeps the number at 1 or more', () => {
    expect(formatBytes(0, 'en')).toBe('0 kB');
    expect(formatBytes(450, 'en')).toBe('0.5 kB');
    expect(formatBytes(1000, 'en')).toBe('1 kB');
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatBytes(2_500_000_000, 'en')).toBe('2.5 GB');
  });
  it('formats through the locale', () => {
    expect(formatBytes(1_234_000_000_000, 'en')).toBe('1.2 TB');
    expect(formatBytes(12_345_678, 'zh-CN')).toBe('12.3 MB');
    expect(formatBytes(1_234_567_890_000, 'de')).toBe('1,2 TB');
  });
  it('treats negative or non-finite input as zero', () => {
    expect(formatBytes(-5, 'en')).toBe('0 kB');
    expect(formatBytes(Number.NaN, 'en')).toBe('0 kB');
  });
});

describe('formatShare', () => {
  it('shows a percentage of the quota', () => {
    expect(formatShare(250, 1000, 'en')).toBe('25%');
    expect(formatShare(1, 3, 'en')).toBe('33.3%');
  });
  it('keeps tiny shares visible and a zero quota at 0%', () => {
    expect(formatShare(5, 1_000_000, 'en')).toBe('0.001%');
    expect(formatShare(5, 0, 'en')).toBe('0%');
  });
});

describe('pwaText', () => {
  it('fills placeholders in both languages', () => {
    const params = { usage: '1 MB', quota: '2 GB', percent: '0.1%' };
    expect(pwaText('en', 'pwa.usage', params)).toBe('1 MB used of 2 GB (0.1%)');
    expect(pwaText('zh-CN', 'pwa.usage', params)).toBe('已用 1 MB，共 2 GB（0.1%）');
  });
  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(pwaText('en', 'pwa.usage', { usage: '1 MB' })).toBe('1 MB used of {quota} ({percent})');
  });
});
