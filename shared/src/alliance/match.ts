import type { ResourceKind } from '../schemas/alliance';

/** What the matching rule reads of a need and of a resource. */
export interface Matchable {
  title: string;
  kind: ResourceKind;
  description?: string;
}

export interface Match<R> {
  resource: R;
  sameKind: boolean;
  /** The words (two-character runs of Chinese, or Latin/number words) the need and the resource share. */
  sharedWords: string[];
}

/** Words too common in both lists to say anything about a match. */
const STOP_WORDS = new Set(['服务', '活动', '提供', '需要', '社区', '居民', '可以', '每月', '每周', '一次', '两次']);

/**
 * The words of a text, for matching: every run of two Chinese characters (Chinese has no spaces: 健康检查 → 健康, 康检,
 * 检查), and every Latin or number word of two characters or more, lower-cased. Punctuation and single characters
 * say nothing.
 */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i += 1) words.add(run.slice(i, i + 2));
  }
  for (const word of text.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []) words.add(word);
  for (const stop of STOP_WORDS) words.delete(stop);
  return words;
}

const textOf = (m: Matchable) => `${m.title} ${m.description ?? ''}`;

/**
 * 匹配: the resources that fit a need, best first — those of the same kind first, then by how many words their title and
 * description share with the need's; a resource of another kind is suggested only when it shares a word. Ties keep
 * the order the resources came in (the town's list). Withdrawn resources are the caller's to leave out.
 */
export function matchResources<R extends Matchable>(need: Matchable, resources: readonly R[]): Match<R>[] {
  const needWords = wordsOf(textOf(need));
  return resources
    .map((resource, order) => {
      const words = wordsOf(textOf(resource));
      const sharedWords = [...needWords].filter((w) => words.has(w));
      return { resource, sameKind: resource.kind === need.kind, sharedWords, order };
    })
    .filter((m) => m.sameKind || m.sharedWords.length > 0)
    .sort((a, b) => Number(b.sameKind) - Number(a.sameKind) || b.sharedWords.length - a.sharedWords.length || a.order - b.order)
    .map(({ order: _order, ...match }) => match);
}
