import { describe, expect, it } from 'vitest';
import { type MentionView, matchQuery, parseQuery, QuerySyntaxError, searchSubject } from './index.js';

function check(query: string, view: MentionView | string) {
  const subject = searchSubject(typeof view === 'string' ? { text: view } : view);
  return matchQuery(parseQuery(query), subject);
}

function columnOf(query: string): number {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error.column;
    throw error;
  }
  throw new Error(`"${query}" parsed`);
}

describe('boolean operators', () => {
  it('combines AND, OR and NOT with parentheses', () => {
    const query = '(refund OR return) AND NOT "thank you"';
    expect(check(query, 'I want a refund now').matched).toBe(true);
    expect(check(query, 'refund done, thank you!').matched).toBe(false);
    expect(check(query, 'nothing here').matched).toBe(false);
  });

  it('treats adjacent terms as AND and binds AND tighter than OR', () => {
    expect(check('slow delivery OR broken', 'the screen is broken').matched).toBe(true);
    expect(check('slow delivery OR broken', 'slow but fine').matched).toBe(false);
    expect(check('slow delivery OR broken', 'delivery was slow').matched).toBe(true);
  });

  it('reports only the terms of branches that held', () => {
    const result = check('(refund AND angry) OR late', 'refund was late');
    expect(result.terms).toEqual(['late']);
  });

  it('keeps lower-case and/or as ordinary words', () => {
    expect(check('rock and roll', 'rock music').matched).toBe(false);
    expect(check('rock and roll', 'rock and roll').matched).toBe(true);
  });
});

describe('words, phrases and wildcards', () => {
  it('matches whole words only, ignoring case and width', () => {
    expect(check('car', 'new cards').matched).toBe(false);
    expect(check('iphone', 'ＩＰｈｏｎｅ 15 battery').matched).toBe(true);
    expect(check('ＡＰＰＬＥ', 'apple store').matched).toBe(true);
  });

  it('matches quoted phrases word for word', () => {
    expect(check('"customer service"', 'Customer   service, again').matched).toBe(true);
    expect(check('"customer service"', 'service to the customer').matched).toBe(false);
  });

  it('expands * and ? inside words', () => {
    expect(check('refund*', 'refunded yesterday').matched).toBe(true);
    expect(check('colo?r', 'what a colour').matched).toBe(true);
    expect(check('colo?r', 'what a color').matched).toBe(false);
  });

  it('matches Chinese without spaces, with ? and * between characters', () => {
    expect(check('小米', '我昨天买了小米手机').matched).toBe(true);
    expect(check('"华为手机"', '新的华为手机很好').matched).toBe(true);
    expect(check('华为*手机', '华为的新款手机').matched).toBe(true);
    expect(check('华?手机', '华为手机').matched).toBe(true);
    expect(check('华?手机', '华手机').matched).toBe(false);
  });

  it('stays quick on many wildcards over a long text that nearly matches', () => {
    // Both once tried every length of every wildcard: they ran for minutes.
    expect(check('华*为*华*为*华*为*坏', `${'华为'.repeat(150)}手机`).matched).toBe(false);
    expect(check('华*为*华*为*华*为*机', `${'华为'.repeat(150)}手机`).matched).toBe(true);
    expect(check('a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(60)).matched).toBe(false);
    const url = `https://${'a.'.repeat(120)}cn/post`;
    expect(check('site:*.*.*.*.*.*.*.*.*.x', { text: '', url }).matched).toBe(false);
    expect(check('site:*.*.*.*.*.*.*.*.*.cn', { text: '', url }).matched).toBe(true);
  });

  it('lets Simplified and Traditional forms match each other', () => {
    expect(check('发货', '這家店發貨太慢了').matched).toBe(true);
    expect(check('發貨 AND 客服', '发货慢，客服也不理人').matched).toBe(true);
    expect(check('台灣', '台湾的朋友').matched).toBe(true);
  });
});

describe('NEAR and fields', () => {
  it('finds words within n words of each other in either order', () => {
    expect(check('battery NEAR/3 drain*', 'the battery seems to drain fast').matched).toBe(true);
    expect(check('battery NEAR/1 drain*', 'the battery seems to drain fast').matched).toBe(false);
    expect(check('drain NEAR/2 battery', 'battery will drain').matched).toBe(true);
    expect(check('(screen OR battery) NEAR/2 broken', 'my screen is broken').terms).toEqual([
      'screen',
      'broken',
    ]);
  });

  it('keeps the order with NEAR/nf', () => {
    expect(check('battery NEAR/3f drain*', 'the battery seems to drain fast').matched).toBe(true);
    expect(check('drain NEAR/3f battery', 'the battery seems to drain fast').matched).toBe(false);
    expect(check('退款 NEAR/5f 客服', '客服说退款要等').matched).toBe(false);
    expect(check('客服 NEAR/5f 退款', '客服说退款要等').matched).toBe(true);
  });

  it('reads "phrase"~n as its words within n words of each other', () => {
    expect(check('"battery drain"~3', 'the battery seems to drain fast').matched).toBe(true);
    expect(check('"drain battery"~3', 'the battery seems to drain fast').matched).toBe(true);
    expect(check('"battery drain"~1', 'the battery seems to drain fast').matched).toBe(false);
    expect(check('"battery drain fast"~3', 'the battery seems to drain fast').terms).toEqual([
      'battery',
      'drain',
      'fast',
    ]);
    expect(check('title:"weekly review"~2', { title: 'review of the weekly', text: '' }).matched).toBe(true);
    expect(check('"退款 客服"~5 AND NOT 谢谢', '退款申请了三天客服都没回').matched).toBe(true);
  });

  it('counts Chinese characters as words for NEAR', () => {
    expect(check('退款 NEAR/5 客服', '退款申请了三天客服都没回').matched).toBe(true);
    expect(check('退款 NEAR/4 客服', '退款申请了三天客服都没回').matched).toBe(false);
  });

  it('limits terms to author, title, lang and source', () => {
    const view = {
      title: 'Weekly review',
      text: 'fine',
      authorName: 'Dana Lee',
      lang: 'zh-Hant',
      source: 'weibo',
    };
    expect(check('author:dana', view).matched).toBe(true);
    expect(check('title:review', view).matched).toBe(true);
    expect(check('title:fine', view).matched).toBe(false);
    expect(check('review', view).matched).toBe(true);
    expect(check('lang:zh', view).matched).toBe(true);
    expect(check('lang:zh-hans', view).matched).toBe(false);
    expect(check('source:weibo AND author:"dana lee"', view).matched).toBe(true);
  });
});

describe('site, verified and counts', () => {
  const view = {
    text: '客服太差了',
    url: 'https://m.Weibo.cn/status/2001?from=share',
    verified: true,
    counts: { followers: 52_000, likes: 830, views: 41_000 },
  };

  it('matches the URL host and its subdomains with site: or domain:', () => {
    expect(check('site:weibo.cn', view).matched).toBe(true);
    expect(check('domain:WWW.weibo.cn', view).matched).toBe(true);
    expect(check('site:m.weibo.cn', view).matched).toBe(true);
    expect(check('site:eibo.cn', view).matched).toBe(false);
    expect(check('site:weibo.com', view).matched).toBe(false);
    expect(check('site:*.cn 客服', view).terms).toEqual(['site:*.cn', '客服']);
    expect(check('site:weibo.cn', { text: 'no url' }).matched).toBe(false);
    expect(check('NOT site:weibo.cn', { text: 'no url' }).matched).toBe(true);
  });

  it('matches verified authors', () => {
    expect(check('verified:true', view).matched).toBe(true);
    expect(check('verified:false', view).matched).toBe(false);
    expect(check('verified:false', { text: 'unknown' }).matched).toBe(false);
  });

  it('compares followers and metrics, with k, m and 万 for large numbers', () => {
    expect(check('followers:>=50k', view).matched).toBe(true);
    expect(check('followers:>5万', view).matched).toBe(true);
    expect(check('followers:>0.1m', view).matched).toBe(false);
    expect(check('likes:830 AND views:<50000', view).terms).toEqual(['likes:830', 'views:<50000']);
    expect(check('likes:<=829', view).matched).toBe(false);
    expect(check('shares:>=0', view).matched).toBe(false);
    expect(check('NOT shares:>=0', view).matched).toBe(true);
  });

  it('refuses what is not a domain, a boolean or a number', () => {
    expect(() => parseQuery('site:https://weibo.cn/x')).toThrow(/not a domain/);
    expect(() => parseQuery('verified:yes')).toThrow(/true or false/);
    expect(() => parseQuery('followers:lots')).toThrow(/takes a number/);
    expect(() => parseQuery('views:"1000"')).toThrow(/not a phrase/);
    expect(columnOf('refund AND followers:>>5')).toBe(12);
    expect(columnOf('a NEAR/2 followers:>5')).toBe(3);
  });
});

describe('hashtags and handles', () => {
  it('matches #tags only as hashtags, whole', () => {
    expect(check('#华为', '今天的 #华为 发布会').matched).toBe(true);
    expect(check('#华为', '华为发布会').matched).toBe(false);
    expect(check('#华为', '#华为手机 降价了').matched).toBe(false);
    expect(check('#华为*', '#华为手机 降价了').terms).toEqual(['#华为*']);
    expect(check('#Apple', 'loving my new #apple watch').matched).toBe(true);
    expect(check('#apple', 'an apple a day').matched).toBe(false);
  });

  it('reads Weibo and Xiaohongshu topics closed by a second #', () => {
    expect(check('#华为Mate60#', '#华为 Mate 60#发布会来了').matched).toBe(true);
    expect(check('#华为Mate60', '#华为 Mate 60#发布会来了').matched).toBe(true);
    expect(check('#华为', '#华为 Mate 60#发布会来了').matched).toBe(false);
    expect(check('#露营', '周末去了 #露营[话题]# 超开心').matched).toBe(true);
    expect(check('#华为 OR #小米', '#华为 #小米 都不错').terms).toEqual(['#华为', '#小米']);
    expect(check('#發貨', '#发货# 太慢').matched).toBe(true);
  });

  it('matches @handles, and not e-mail addresses or C#', () => {
    expect(check('@XiaomiSupport', 'hey @xiaomisupport my phone died').matched).toBe(true);
    expect(check('@华为终端', '@华为终端 客服不回复').matched).toBe(true);
    expect(check('@example', 'write to help@example.com').matched).toBe(false);
    expect(check('#sharp', 'I write C#sharp').matched).toBe(false);
  });

  it('places tags for NEAR, and keeps quoted ones as words', () => {
    expect(check('#华为 NEAR/2 退款', '#华为# 申请退款').matched).toBe(true);
    expect(check('#华为 NEAR/1 退款', '#华为# 申请了退款').matched).toBe(false);
    expect(check('"#华为"', '华为发布会').matched).toBe(true);
  });

  it('needs something after the mark', () => {
    expect(columnOf('apple OR #*')).toBe(10);
    expect(() => parseQuery('@')).toThrow('needs letters or characters after the @');
  });
});

describe('syntax errors', () => {
  it('point at the column of the problem', () => {
    expect(columnOf('apple AND')).toBe(7);
    expect(columnOf('(apple OR pear')).toBe(15);
    expect(columnOf('apple OR pear)')).toBe(14);
    expect(columnOf('OR apple')).toBe(1);
    expect(columnOf('apple NEAR/ pear')).toBe(7);
    expect(columnOf('apple "pear')).toBe(7);
    expect(columnOf('苹果 AND ()')).toBe(8);
    expect(columnOf('a NEAR/2 (b AND c)')).toBe(3);
    expect(columnOf('a NEAR/2g b')).toBe(3);
    expect(columnOf('x "a b"~ c')).toBe(8);
    expect(columnOf('x "battery"~3')).toBe(3);
    expect(columnOf('lang:"zh en"~3')).toBe(1);
  });

  it('refuse groups nested deeper than 100, at the first one too deep', () => {
    expect(columnOf(`${'('.repeat(5_000)}a${')'.repeat(5_000)}`)).toBe(101);
    expect(columnOf(`${'NOT '.repeat(5_000)}a`)).toBe(401);
    expect(check(`${'('.repeat(100)}refund${')'.repeat(100)}`, 'refund please').matched).toBe(true);
  });

  it('say what is wrong in words', () => {
    expect(() => parseQuery('(apple OR pear')).toThrow(
      'Missing ")" to close the "(" at column 1 (column 15)',
    );
    expect(() => parseQuery('')).toThrow(/empty/);
  });
});
