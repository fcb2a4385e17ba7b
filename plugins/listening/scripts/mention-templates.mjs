// Hand-written building blocks for the example mention stream. The brands are made up; the
// phrasing follows how people write on each platform.

export const brands = [
  {
    zh: '星澜',
    hant: '星瀾',
    en: 'Starlan',
    products: {
      zh: ['星澜X5手机', '星澜耳机Pro', '星澜手表'],
      en: ['Starlan X5', 'Starlan Buds Pro', 'Starlan Watch'],
    },
  },
  {
    zh: '云栖咖啡',
    hant: '雲棲咖啡',
    en: 'Cloudnest Coffee',
    products: { zh: ['燕麦拿铁', '冷萃', '会员卡'], en: ['oat latte', 'cold brew', 'rewards card'] },
  },
  {
    zh: '极速快递',
    hant: '極速快遞',
    en: 'SwiftShip',
    products: {
      zh: ['次日达', '同城急送', '国际件'],
      en: ['next-day delivery', 'same-day courier', 'international parcel'],
    },
  },
  {
    zh: '悦己美妆',
    hant: '悅己美妝',
    en: 'Joyself Beauty',
    products: { zh: ['精华液', '防晒霜', '粉底液'], en: ['serum', 'sunscreen', 'foundation'] },
  },
  {
    zh: '智行汽车',
    hant: '智行汽車',
    en: 'Zhixing Auto',
    products: {
      zh: ['Z7电动车', '车机系统', '充电桩'],
      en: ['Z7 EV', 'infotainment system', 'home charger'],
    },
  },
];

export const aspects = {
  zh: {
    negative: ['客服', '物流', '电池续航', '发货速度', '售后', '包装', '价格', '系统更新', 'APP'],
    positive: ['做工', '拍照', '口感', '包装', '服务态度', '性价比', '设计', '续航', '配送速度'],
  },
  en: {
    negative: [
      'customer service',
      'shipping',
      'battery life',
      'the app',
      'support',
      'pricing',
      'the latest update',
      'refunds',
    ],
    positive: [
      'build quality',
      'the camera',
      'the taste',
      'packaging',
      'support',
      'value for money',
      'design',
      'delivery speed',
    ],
  },
};

/** Templates by language and intent; {b} brand, {p} product, {a} aspect, {n} a number, {h} hours. */
export const templates = {
  zh: {
    complaint: [
      '{p}的{a}太差了，等了{h}个小时都没人理',
      '买了{p}不到一周就出问题，{a}真的让人失望',
      '{b}的{a}能不能上点心？已经第{n}次了',
      '退款申请提交{n}天了还没处理，{b}你们到底管不管',
      '避雷！{p}{a}一塌糊涂，再也不买了',
      '投诉{b}：{a}问题反馈了{n}次，每次都说在处理',
      '{p}刚用{n}天就坏了，联系{a}一直占线',
    ],
    praise: [
      '{p}的{a}真的绝了，强烈推荐',
      '第一次用{b}，{a}超出预期，好评',
      '{p}{a}很好，下次还会回购',
      '给{b}的{a}点个赞，处理问题很快',
      '用了{n}个月的{p}，{a}依然很稳',
    ],
    question: [
      '有人用过{p}吗？{a}怎么样？',
      '求问{b}的{a}一般多久能好？',
      '{p}和竞品比{a}哪个更好？',
      '{b}会员积分可以换{p}吗？',
    ],
    news: ['{b}宣布{p}将于下月起调整价格', '{b}发布新一代{p}，主打{a}', '据报道，{b}本季度{p}销量增长{n}%'],
  },
  en: {
    complaint: [
      '{a} at {b} is a joke. Waited {h} hours and nobody answered',
      'My {p} broke after {n} days and {a} keeps sending me in circles',
      'Third time this month {b} messed up my order. {a} is getting worse',
      'Still waiting for a refund from {b}, {n} days now. Switching vendors.',
      'Do not buy the {p}. {a} is terrible',
      'Outage again? {b} {a} down for {h} hours',
    ],
    praise: [
      'Loving my new {p}, {a} is amazing',
      'Shoutout to {b} for {a}, fixed my issue in minutes',
      'The {p} is worth every penny, {a} blew me away',
      'Been using the {p} for {n} months, {a} still great',
      '{b} nailed it with the {p}. {a} is top notch',
    ],
    question: [
      'Anyone tried the {p}? How is {a}?',
      'Does {b} ship to Canada? Asking about {a}',
      "Is the {p} better than last year's model for {a}?",
      'How long does {b} usually take to reply about {a}?',
    ],
    news: [
      '{b} announces a new {p} focused on {a}',
      '{b} raises prices on the {p} starting next month',
      'Report: {b} {p} sales up {n}% this quarter',
    ],
  },
};

/** How each platform wraps a post. */
export const platforms = {
  weibo: {
    lang: 'zh',
    wrap: (t, r) =>
      `${r.pick(['', `#${r.brand.zh}# `, '#吐槽# ', '#好物分享# '])}${t}${r.pick(['', ' [怒]', ' [赞]', ' [允悲]', ` @${r.brand.zh}客服`])}`,
  },
  zhihu: {
    lang: 'zh',
    wrap: (t, r) =>
      r.pick([`如何评价${r.brand.zh}？说说我的经历：${t}`, `${t}。以上是个人真实体验，仅供参考。`, t]),
  },
  xiaohongshu: {
    lang: 'zh',
    wrap: (t, r) =>
      `${r.pick(['姐妹们！', '家人们谁懂啊', '真实测评｜', ''])}${t}${r.pick([' ✨', ' 😭', ' #种草', ' #避雷', ''])}`,
  },
  ptt: { lang: 'zh-Hant', wrap: (t, r) => r.pick([`[問卦] ${t}`, `[心得] ${t}`, `${t}，有人也這樣嗎？`]) },
  dcard: { lang: 'zh-Hant', wrap: (t, r) => `${t}${r.pick(['', ' 🙏', '，真的很無言', '，推推'])}` },
  twitter: {
    lang: 'en',
    wrap: (t, r) =>
      `${t}${r.pick(['', ` @${r.brand.en.replace(/\s/g, '')}`, ' #fail', ' 🙄', ' 🔥', ' #ad'])}`,
  },
  reddit: {
    lang: 'en',
    wrap: (t, r) =>
      r.pick([`${t}. Anyone else?`, `PSA: ${t}`, `${t}. Edit: support finally replied, we'll see.`, t]),
  },
};

export const zhNames = [
  '小王',
  '李雷',
  '韩梅梅',
  '阿杰',
  '周周',
  '豆豆妈',
  '数码老张',
  '一只猫',
  '吃货小林',
  '程序员阿飞',
  '陈先生',
  '橙子',
  '秋天的风',
  '北漂小刘',
];
export const hantNames = ['阿明', '小美', '台北打工仔', '林小姐', '高雄阿伯', '貓奴日常', '吳先生'];
export const enNames = [
  'dana',
  'ops_guy',
  'mike_t',
  'sarahcodes',
  'jrod',
  'techmom',
  'u/throwaway123',
  'u/coffee_snob',
  'lena.k',
  'bigdave',
];

/** Extra clauses people add: context, time, feelings; they keep two posts from one template apart. */
export const asides = {
  zh: {
    negative: [
      '昨天晚上下的单',
      '上周刚买的',
      '打了三次电话',
      '客服说要等工作日',
      '朋友也遇到一样的问题',
      '花了我小半个月工资',
      '在线客服一直是机器人',
      '截图都留着',
      '真的心累',
      '已经在12315投诉了',
      '同事劝我别买我没听',
      '618活动时买的',
    ],
    positive: [
      '朋友推荐的',
      '比想象中好很多',
      '已经安利给同事了',
      '包装也很用心',
      '物超所值',
      '第二次回购了',
      '618入的',
      '送人也很有面子',
      '老公也说好',
      '期待下一代',
    ],
  },
  en: {
    negative: [
      'ordered last Tuesday',
      'called three times',
      'chat support is just a bot',
      'my friend had the same issue',
      'paid full price too',
      'screenshots saved',
      'so tired of this',
      'filed a complaint with the BBB',
      'first and last time',
      'this was supposed to be a gift',
    ],
    positive: [
      'a friend recommended it',
      'way better than expected',
      'already told my coworkers',
      'the packaging was lovely',
      'bought a second one',
      'great for the price',
      'my partner loves it too',
      "can't wait for the next one",
    ],
  },
};
