import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze.js';
import { zhPolarity } from './zh-polarity.js';
import { isPlainQuestion } from './zh-question.js';

const label = (text: string) => analyzeSentiment(text, 'zh-Hans', { neutralBand: 0.2 }).label;
const lexicon = (text: string) => zhPolarity(text).total();

describe('Chinese rules', () => {
  it('flips a polar word after 不, 没 or Cantonese 唔', () => {
    expect(lexicon('一点都不贵')).toBeGreaterThan(0);
    expect(lexicon('这次不满意')).toBeLessThan(0);
    expect(lexicon('打游戏一点不卡')).toBeGreaterThan(0);
    expect(lexicon('真係唔值')).toBeLessThan(0);
  });

  it('reads 好 before a polar word as "very", not as praise', () => {
    expect(lexicon('好贵')).toBeLessThan(lexicon('贵'));
    expect(lexicon('别的菜好难吃')).toBeLessThan(0);
  });

  it('weighs the clause after 但是 and strengthens 太…了', () => {
    expect(lexicon('外观不错，但是太卡了')).toBeLessThan(0);
    expect(lexicon('太方便了')).toBeGreaterThan(lexicon('方便'));
  });

  it('knows internet slang', () => {
    expect(label('这家火锅绝绝子，yyds')).toBe('positive');
    expect(label('网红店排队两小时，踩雷了')).toBe('negative');
    expect(label('新耳机音质拉胯')).toBe('negative');
    expect(label('客服一直踢皮球，真的会谢')).toBe('negative');
  });

  it('knows service praise and complaints outside product reviews', () => {
    expect(label('前台小姐姐很认真，退卡手续很人性化')).toBe('positive');
    expect(label('这门课讲到一半停更了')).toBe('negative');
    expect(label('收银员一直在滑手机，还摆脸色')).toBe('negative');
    expect(lexicon('国产的质量不输进口的')).toBeGreaterThan(0);
  });

  it('flips the new complaint words under negation and in Cantonese', () => {
    expect(lexicon('吸尘器最后卡在沙发底下')).toBeLessThan(0);
    expect(lexicon('吸尘器从不卡在沙发底下')).toBeGreaterThan(0);
    expect(label('賠償拖咗半年，真係呃人')).toBe('negative');
  });

  it('does not read literal rubbish as an insult', () => {
    expect(lexicon('小区垃圾分类做得很好')).toBeGreaterThan(0);
    expect(lexicon('垃圾桶满了')).toBe(0);
    expect(lexicon('出门顺路扔垃圾')).toBe(0);
    expect(lexicon('保洁阿姨每天帮忙倒垃圾')).toBeGreaterThan(0);
  });

  it('knows praise of services without stock adjectives', () => {
    expect(label('入住流程一目了然，仪式感拉满')).toBe('positive');
    expect(lexicon('退押金一点不啰嗦')).toBeGreaterThan(0);
    expect(lexicon('美容师全程不推销')).toBeGreaterThan(0);
    expect(lexicon('洗牙完全无痛')).toBeGreaterThan(0);
    expect(label('車行沒多收一毛錢，老闆佛心')).toBe('positive');
  });

  it('knows complaints of work tools, games and shops', () => {
    expect(label('报销系统三天两头宕机')).toBe('negative');
    expect(label('新赛季优化稀碎，bug一堆')).toBe('negative');
    expect(lexicon('进门就被推销了半小时年卡')).toBeLessThan(0);
    expect(label('油漆師傅收咗錢就玩失蹤')).toBe('negative');
    expect(label('店員看到學生就翻白眼，超火大')).toBe('negative');
  });

  it('reads an A-not-A question as asking, not as a negation', () => {
    expect(lexicon('这客服是不是很敷衍')).toBeLessThan(0);
    expect(lexicon('运营是不是跟用户有仇')).toBeLessThan(0);
    expect(lexicon('周末要不要去')).toBe(0);
  });

  it('scores emoji and reads 🙄 as irony', () => {
    expect(lexicon('新手机到了😍')).toBeGreaterThan(0);
    expect(lexicon('服务真好🙄')).toBeLessThan(0);
  });

  it('keeps plain questions and factual posts neutral', () => {
    expect(label('请问医保卡怎么补办？')).toBe('neutral');
    expect(label('今天中午点了份黄焖鸡')).toBe('neutral');
    expect(label('明天去车管所换驾照')).toBe('neutral');
  });

  it('still hears a complaint phrased as a question', () => {
    expect(label('为什么航班又延误了？')).toBe('negative');
    expect(isPlainQuestion('交的物业费都去哪了？')).toBe(false);
  });

  it('does not take a question word that reports advice for a question', () => {
    expect(isPlainQuestion('护士还告诉我怎么换药')).toBe(false);
    expect(isPlainQuestion('师傅教我们如何保养地板')).toBe(false);
    expect(isPlainQuestion('请问伤口怎么换药？')).toBe(true);
    expect(isPlainQuestion('谁能教我怎么换药？')).toBe(true);
  });
});
