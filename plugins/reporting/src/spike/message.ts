import type { Language } from '../language.js';
import type { Bucket } from '../metrics/time-range.js';
import type { SpikeCheck } from './evaluate.js';

const span: Record<Language, Record<Bucket, string>> = {
  en: { hour: 'hour', day: 'day', week: 'week' },
  'zh-Hans': { hour: '小时', day: '天', week: '周' },
  'zh-Hant': { hour: '小時', day: '天', week: '週' },
};

const fixed = (value: number, digits: number) => value.toFixed(digits).replace(/\.0+$/, '');
const percent = (share: number) => `${fixed(share * 100, 1)}%`;
const signed = (change: number | null) =>
  change === null ? '' : `, ${change >= 0 ? '+' : ''}${fixed(change * 100, 0)}%`;

/** One line a person can act on: what moved, in which bucket, against which baseline. */
export function spikeMessage(check: SpikeCheck, start: string, bucket: Bucket, language: Language): string {
  const when = `${start.slice(0, 16).replace('T', ' ')} UTC`;
  const z = `z = ${fixed(check.z ?? 0, 1)}`;
  const unit = span[language][bucket];
  if (check.metric === 'volume') {
    const base = `${fixed(check.baseline.mean, 1)} ± ${fixed(check.baseline.std, 1)}`;
    const rose = check.status !== 'drop';
    if (language === 'en') {
      return `Mention volume ${rose ? 'spiked' : 'dropped'}: ${check.value} in the ${unit} from ${when}, against a baseline of ${base} (${z}${signed(check.change)}).`;
    }
    const verb = language === 'zh-Hans' ? (rose ? '声量激增' : '声量骤降') : rose ? '聲量激增' : '聲量驟降';
    return `${verb}：${when} 起的一${unit}内 ${check.value} 条，基线 ${base}（${z}${signed(check.change)}）。`;
  }
  const base = `${percent(check.baseline.mean)} ± ${percent(check.baseline.std)}`;
  const of = `${check.negative}/${check.count}`;
  if (language === 'en') {
    return `Negative share rose to ${percent(check.value)} (${of} scored mentions) in the ${unit} from ${when}, against a baseline of ${base} (${z}).`;
  }
  const verb = language === 'zh-Hans' ? '负面占比升至' : '負面佔比升至';
  return `${verb} ${percent(check.value)}（${of}）：${when} 起的一${unit}，基线 ${base}（${z}）。`;
}
