import { characterBigrams, containment, diceScore, matterScore, mostSimilar, normaliseText, SIMILAR_THRESHOLD, textSimilarity } from './similarity';

// The same matter, said by two residents in their own words.
const SAME_MATTER: [string, string][] = [
  ['菜市场门口的路灯坏了，晚上很黑，老人走路不方便', '菜场门口路灯不亮了好几天，晚上出来买菜看不见路'],
  ['幸福小区3栋楼下的垃圾桶满了好几天没人清理，味道很大', '幸福小区3栋垃圾箱一直没人清，臭味很大'],
  ['学校门口早上接送孩子的车太多，经常堵车', '早上学校门口接送孩子堵车很厉害，希望安排人疏导'],
  ['河边健身器材坏了，单杠松动，有安全隐患', '河边的健身器材单杠松了，孩子玩很危险'],
  ['集市上摊位占道，救护车都进不来', '赶集的时候摊位占了道路，救护车进不来'],
  ['老街那段路坑坑洼洼，下雨天全是积水', '老街路面坑洼，一下雨就积水，走路溅一身'],
  ['晚上广场舞音响声音太大，影响休息', '广场舞音响太吵了，晚上十点还在跳，影响休息'],
  ['小区没有充电桩，电动车在楼道里充电很危险', '电动车在楼道充电太危险，希望小区装充电桩'],
];

// Different matters of the same category, most at the same spot.
const DIFFERENT_MATTERS: [string, string][] = [
  ['菜市场门口的路灯坏了，晚上很黑，老人走路不方便', '菜市场门口垃圾堆了好几天，没人清理'],
  ['幸福小区3栋楼下的垃圾桶满了好几天没人清理，味道很大', '幸福小区3栋楼下停车乱，车位不够'],
  ['学校门口早上接送孩子的车太多，经常堵车', '学校门口的小卖部卖三无食品'],
  ['河边健身器材坏了，单杠松动，有安全隐患', '河边护栏缺了一段，晚上容易掉下去'],
  ['晚上广场舞音响声音太大，影响休息', '广场上的路灯晚上不开，黑乎乎的'],
  ['小区没有充电桩，电动车在楼道里充电很危险', '小区门禁坏了，陌生人随便进出'],
  ['老街那段路坑坑洼洼，下雨天全是积水', '老街的下水道堵了，污水冒出来'],
];

describe('similar matters (character bigrams)', () => {
  it.each(SAME_MATTER)('takes 「%s」 and 「%s」 for the same matter', (a, b) => {
    expect(textSimilarity(a, b)).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
    expect(textSimilarity(b, a)).toBeCloseTo(textSimilarity(a, b));
  });

  it.each(DIFFERENT_MATTERS)('keeps 「%s」 and 「%s」 apart', (a, b) => {
    expect(textSimilarity(a, b)).toBeLessThan(SIMILAR_THRESHOLD);
  });

  it('normalises: punctuation, emoji, particles and places words go, full-width becomes ASCII, doubles are written once', () => {
    expect(normaliseText('路灯坏了！！😡 ３栋，ＡＢ')).toBe('路灯坏3栋ab');
    expect(normaliseText('坑坑洼洼')).toBe('坑洼');
    expect(normaliseText('菜场门口的灯不亮')).toBe('菜市场灯坏');
  });

  it('cuts into overlapping pairs and scores them', () => {
    expect([...characterBigrams('路灯坏')]).toEqual(['路灯', '灯坏']);
    expect([...characterBigrams('灯')]).toEqual(['灯']);
    expect(characterBigrams('').size).toBe(0);
    const [a, b] = [new Set(['路灯', '灯坏']), new Set(['路灯', '灯亮', '亮了'])];
    expect(diceScore(a, b)).toBeCloseTo(0.4);
    expect(containment(a, b)).toBeCloseTo(0.5);
    expect(diceScore(new Set(), b)).toBe(0);
  });

  it('the same category and place order the hints but never make an unlike text alike', () => {
    const typed = { text: '菜市场门口的路灯坏了，晚上很黑', category: '道路交通', place: '菜市场' };
    const unlike = { text: '菜市场门口垃圾堆了好几天，没人清理', category: '道路交通', place: '菜市场' };
    expect(matterScore(typed, unlike)).toBe(0);
    const alike = { text: '菜场门口路灯不亮了好几天', category: '环境卫生' };
    const alikeHere = { ...alike, category: '道路交通', place: '菜市场东门' };
    expect(matterScore(typed, alikeHere)).toBeGreaterThan(matterScore(typed, alike));
  });

  it('gives at most the limit, best first, and nothing for a text too short to say anything', () => {
    const others = SAME_MATTER.map(([, b], i) => ({ id: i, text: b }));
    const found = mostSimilar({ text: SAME_MATTER[4][0] }, [...others, { id: 99, text: SAME_MATTER[4][0] }], 3);
    expect(found.map((f) => f.matter.id)).toEqual([99, 4]);
    expect(found[0].score).toBeGreaterThan(found[1].score);
    expect(mostSimilar({ text: '路灯坏了' }, [{ text: '路灯坏了' }])).toEqual([]);
    const many = Array.from({ length: 5 }, (_, i) => ({ id: i, text: `集市上摊位占道，救护车都进不来${'!'.repeat(i)}` }));
    expect(mostSimilar({ text: '集市上摊位占道，救护车都进不来' }, many)).toHaveLength(3);
  });
});
