import { INVITE_CODE_ALPHABET } from './invite-code';

/**
 * What a person types for a ticket or invite code, made comparable: full-width characters from a Chinese input
 * method (`ＡＣ３４`) become ASCII, case, spaces and dashes are forgiven.
 */
export function normaliseCode(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s\-_·.]/g, '');
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];

/** `字母（不含 B、I、L、O、S、Z）或数字 3、4、6、7、9`: which characters a code is made of, in words. */
export function describeAlphabet(alphabet: string = INVITE_CODE_ALPHABET): string {
  const missingLetters = LETTERS.filter((c) => !alphabet.includes(c));
  const digits = DIGITS.filter((c) => alphabet.includes(c));
  return `字母（不含 ${missingLetters.join('、')}）或数字 ${digits.join('、')}`;
}

/**
 * Why a normalised code is not a code, in Chinese, naming the first character that cannot occur in one (a 0 read
 * as O, a 1 read as I …), or the length; undefined when it is well-formed.
 */
export function codeProblem(code: string, noun: string, length: number, alphabet: string = INVITE_CODE_ALPHABET): string | undefined {
  const stray = [...code].find((c) => !alphabet.includes(c));
  if (stray) return `${noun}里不会有「${stray}」，请核对：${noun}由${describeAlphabet(alphabet)}组成`;
  if (code.length !== length) return `${noun}应为 ${length} 位（您输入了 ${code.length} 位），由${describeAlphabet(alphabet)}组成`;
  return undefined;
}
