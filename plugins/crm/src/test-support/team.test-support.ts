import type { JsonObject } from '@sbss/sdk';

/**
 * A small team across time zones. At `wednesdayMorningShanghai` (02:00 UTC) the Shanghai
 * members are at work (10:00), New York is at 21:00 the evening before, and the on-call
 * member keeps no hours.
 */
export const teamYaml = `
members:
  - { id: ana, name: Ana, skills: [billing], languages: [zh], regions: [CN], capacity: 3,
      timeZone: Asia/Shanghai, workingHours: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "18:00" }] }
  - { id: ben, name: Ben, skills: [tech], languages: [zh-Hant, en], regions: [HK], capacity: 3,
      timeZone: Asia/Shanghai, workingHours: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "18:00" }] }
  - { id: cai, name: Cai, skills: [billing, tech], languages: [en], regions: [US], capacity: 1,
      timeZone: Asia/Shanghai, workingHours: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "18:00" }] }
  - { id: dan, name: Dan, skills: [tech], languages: [en], regions: [US], capacity: 5,
      timeZone: America/New_York, workingHours: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }] }
  - { id: olga, name: Olga, capacity: 10, timeZone: Europe/London }
queues:
  - { id: care, name: Customer care, members: [ana, ben, cai] }
  - { id: us, name: US desk, members: [dan] }
  - { id: on-call, name: On call, members: [olga], onCall: true }
`;

export const wednesdayMorningShanghai = new Date('2025-03-05T02:00:00Z');
export const saturdayShanghai = new Date('2025-03-08T04:00:00Z');

export function mention(id: string, overrides: JsonObject = {}): JsonObject {
  return {
    id,
    source: 'weibo',
    url: `https://weibo.com/${id}`,
    author: { id: 'u-100', name: '小王', followers: 5200 },
    text: `客服太慢了，订单 ${id} 还没退款`,
    lang: 'zh-Hans',
    publishedAt: '2025-03-05T01:30:00Z',
    topics: ['refund'],
    sentiment: { label: 'negative', score: -0.8, confidence: 0.9 },
    urgency: 70,
    ...overrides,
  };
}
