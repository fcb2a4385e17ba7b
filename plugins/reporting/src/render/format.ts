import type { Language } from '../language.js';
import type { ValueFormat } from './report-spec.js';

/** Thousands separators without Intl: the sandbox's ICU data is not something to rely on. */
export function formatNumber(value: number, digits = 0): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '−' : ''}${grouped}${fraction && Number(fraction) !== 0 ? `.${fraction}` : ''}`;
}

export function formatPercent(share: number, digits = 1): string {
  return `${formatNumber(share * 100, digits)}%`;
}

export function formatMinutes(minutes: number, language: Language): string {
  const units =
    language === 'en'
      ? ['min', 'h', 'd']
      : language === 'zh-Hans'
        ? ['分钟', '小时', '天']
        : ['分鐘', '小時', '天'];
  if (minutes < 60) return `${formatNumber(minutes, minutes < 10 ? 1 : 0)} ${units[0]}`;
  if (minutes < 48 * 60) return `${formatNumber(minutes / 60, 1)} ${units[1]}`;
  return `${formatNumber(minutes / 1440, 1)} ${units[2]}`;
}

export function formatValue(value: number | string | null, format: ValueFormat, language: Language): string {
  if (value === null) return '–';
  if (typeof value === 'string' || format === 'text') return String(value);
  if (format === 'percent') return formatPercent(value);
  if (format === 'minutes') return formatMinutes(value, language);
  if (format === 'signed') return `${value > 0 ? '+' : ''}${formatNumber(value, 1)}`;
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

export function formatChange(change: number): string {
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatPercent(Math.abs(change), Math.abs(change) < 0.1 ? 1 : 0)}`;
}

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A UTC calendar date: "3 Mar 2025" or "2025年3月3日". */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  return language === 'en' ? `${d} ${monthsEn[m]} ${y}` : `${y}年${m + 1}月${d}日`;
}

export function formatDateTime(iso: string, language: Language): string {
  return `${formatDate(iso, language)} ${iso.slice(11, 16)} UTC`;
}

/** An axis label for a bucket start: "Mar 5", "03-05 14:00" or "3月5日". */
export function formatBucket(iso: string, bucket: 'hour' | 'day' | 'week', language: Language): string {
  const date = new Date(iso);
  const [m, d] = [date.getUTCMonth(), date.getUTCDate()];
  const day = language === 'en' ? `${monthsEn[m]} ${d}` : `${m + 1}月${d}日`;
  return bucket === 'hour' ? `${day} ${iso.slice(11, 16)}` : day;
}

/** The last instant of a half-open range, so "until midnight" reads as the day before. */
export function lastDay(untilIso: string): string {
  return new Date(Date.parse(untilIso) - 1).toISOString();
}
