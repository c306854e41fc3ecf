/**
 * "Has someone raised this already?" — how alike two residents' texts are, for the hint on the submit page
 * (这些事已经有人反映过). Pure functions, no I/O; no `u` flag or look-behind (this file may be bundled into the
 * mini-program, whose older JavaScript engines reject them).
 *
 * Chinese has no spaces between words, so words are not split: a text is cut into overlapping pairs of characters
 * (character bigrams: 路灯坏了 → 路灯 灯坏 坏了), which catch most two-character words whatever the order of the
 * sentence. Two texts are compared by the Dice coefficient of their bigram sets (2·|A∩B| / (|A|+|B|)), and by how
 * much of the shorter one the longer one contains (a short 路灯坏了 inside a long complaint about the same lamp).
 *
 * Before cutting: punctuation, spaces, emoji, a few particles that say nothing about the matter (的 了 吗 呢 啊 …)
 * and words of where and how (小区 门口 楼下 一直 希望 …) are dropped, a doubled character is written once, full-width letters and digits become ASCII, Latin letters lower case; a few words people write in
 * two ways are written one way (菜场 → 菜市场, 不亮 → 坏). The threshold was chosen on the examples in
 * similarity.test.ts: the same matter said differently must reach it, different matters of the same category and
 * the same place must not.
 */

/** Characters that carry no meaning about the matter (dropped before cutting into bigrams). */
const FILLER = /[的了吗呢啊吧呀哦嘛么很都也就还又太]/g;
/**
 * Words that say where or how strongly, not what: dropped too, so that two different matters at the same spot
 * (幸福小区3栋楼下: the rubbish and the parking) are not taken for one.
 */
const WHERE_AND_HOW = /小区|门口|楼下|附近|旁边|这里|那里|这段|那段|一直|好几天|几天|希望|能不能|请|反映|问题|影响/g;
/** Anything that is not a CJK ideograph, a Latin letter or a digit. */
const NOT_TEXT = /[^\u3400-\u4dbf\u4e00-\u9fffa-z0-9]/g;
/** Words written in more than one way, written one way. */
const SAME_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/菜场/g, '菜市场'],
  [/不亮|不亮了|坏掉|损坏|故障/g, '坏'],
  [/垃圾桶|垃圾箱/g, '垃圾桶'],
  [/小孩|小朋友|孩子们/g, '孩子'],
  [/老人家|老年人/g, '老人'],
  [/停车位|车位/g, '车位'],
];

/** The text reduced to what says something: ideographs, lower-case letters and digits, with words written one way. */
export function normaliseText(text: string): string {
  let out = text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
  for (const [pattern, word] of SAME_WORDS) out = out.replace(pattern, word);
  // 坑坑洼洼 → 坑洼: a doubled character says no more than a single one
  return out.replace(NOT_TEXT, '').replace(WHERE_AND_HOW, '').replace(FILLER, '').replace(/(.)\1/g, '$1');
}

/** The set of overlapping character pairs of a normalised text (a text of one character is its own "pair"). */
export function characterBigrams(normalised: string): Set<string> {
  const chars = Array.from(normalised);
  if (chars.length === 1) return new Set(chars);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) pairs.add(chars[i] + chars[i + 1]);
  return pairs;
}

/** Dice coefficient of two sets: 1 when equal, 0 when nothing is shared (or either is empty). */
export function diceScore(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Of the smaller set, the share the larger one holds (1: one says all the other does). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const x of small) if (large.has(x)) shared += 1;
  return shared / small.size;
}

/** How alike two texts are, 0–1: their Dice score, or a little less than how much the longer contains the shorter. */
export function textSimilarity(a: string, b: string): number {
  const [x, y] = [characterBigrams(normaliseText(a)), characterBigrams(normaliseText(b))];
  return Math.max(diceScore(x, y), 0.8 * containment(x, y));
}

/** At or above this, two matters are shown as "the same thing raised before" (chosen on similarity.test.ts's examples). */
export const SIMILAR_THRESHOLD = 0.33;
/**
 * Added when the category is the same, and when the places name the same spot (one contains the other): they order
 * the hints, never make an unlike text alike (the threshold is on the text alone).
 */
export const SAME_CATEGORY_BONUS = 0.05;
export const SAME_PLACE_BONUS = 0.1;
/** Texts shorter than this (after normalising) are not compared: too little to say anything. */
export const MIN_COMPARABLE_CHARACTERS = 6;

export interface Matter {
  text: string;
  category?: string;
  place?: string;
}

/** The score of a matter against what is being typed: text similarity plus the small bonuses (0 below the threshold). */
export function matterScore(typed: Matter, other: Matter): number {
  const text = textSimilarity(typed.text, other.text);
  if (text < SIMILAR_THRESHOLD) return 0;
  const sameCategory = !!typed.category && typed.category === other.category;
  const [p, q] = [normaliseText(typed.place ?? ''), normaliseText(other.place ?? '')];
  const samePlace = p.length >= 2 && q.length >= 2 && (p.includes(q) || q.includes(p));
  return text + (sameCategory ? SAME_CATEGORY_BONUS : 0) + (samePlace ? SAME_PLACE_BONUS : 0);
}

/** The most alike of `others` (at most `limit`, best first), those at or above the threshold only. */
export function mostSimilar<T extends Matter>(typed: Matter, others: readonly T[], limit = 3): { matter: T; score: number }[] {
  if (normaliseText(typed.text).length < MIN_COMPARABLE_CHARACTERS) return [];
  return others
    .map((matter) => ({ matter, score: matterScore(typed, matter) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
