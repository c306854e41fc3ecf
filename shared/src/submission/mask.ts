/**
 * Removing personal details from text shown in public (院落连心墙, the public board) — PIPL: phone numbers and
 * identity numbers never appear in anything public.
 *
 * Pure functions, no I/O and no Node-only APIs: this file is bundled into the WeChat mini-program too. The
 * regular expressions avoid look-behind, named groups and the `u`/`s` flags, which older phones' JavaScript
 * engines (JavaScriptCore on iOS < 16.4) reject when the bundle loads.
 *
 * What is masked (digits may be ASCII 0-9 or full-width ０-９; kept digits stay as written, masks are `*`):
 * - Mainland mobile numbers: 11 digits starting 1[3-9], written together or grouped 3-4-4 with spaces or
 *   dashes, with or without +86 / 0086 / 86 / a leading 0 → `138****8000` (first 3 and last 4 kept, the
 *   grouping dropped, a country prefix kept as written: `+86 138****8000`).
 * - Landlines: an area code (010, 02x, or 0 + three digits) and a 7–8 digit local number starting 2–9,
 *   written `0571-87654321`, `0571 8765 4321`, `(0571)87654321`, `（0571）87654321` or `057187654321`
 *   → `0571-********` (area code kept, every local digit masked; an extension after it is left).
 * - Resident identity numbers (居民身份证号): 18 characters, 17 digits and a digit or X/x, optionally grouped
 *   6-8-4 → `110***********123X` (first 3 and last 4 kept: the province/city prefix and the sequence and check
 *   characters; the birth date and district are hidden).
 * - Other long numbers (bank cards, old 15-digit identity numbers): 15 or more digits in a row, or 16–19 digits
 *   grouped in fours → only the last 4 kept: `***************0123`.
 *
 * - E-mail addresses → the first character and the domain: `l***@qq.com`.
 * - WeChat and QQ ids after their name (微信/微信号/vx/wx/weixin/wechat, QQ/扣扣, with or without a colon):
 *   `微信：l*********` (the first character kept), `QQ：12*******`.
 * - Where a home is (门牌号): a flat's unit and room (`3栋2单元1801室` → `3栋*单元****室`, `1801室` → `****室`) and
 *   a village house number after its group (`5组18号` → `5组**号`). The building, the street and the group stay.
 *
 * What is left alone: numbers that are shorter or glued into a longer run of digits in a way none of the above
 * describes, so dates (2026-11-22, 2026年11月22日), times (10:30-11:30), amounts (12000元, 1,380.50), street and
 * public numbers (老街18号, 18号院, 3号楼门口), postcodes (311200) and counts stay as they are. Amounts are safe
 * because they are short: an "amount" of 11 digits starting 13–19 (over 13 billion) would be masked, deliberately —
 * a sloppy `13800138000.3号楼` is far likelier than such a sum, and privacy comes first.
 *
 * Names and addresses written in words are NOT detected: a reply going public is shown to the representative
 * exactly as the board will show it, to read and edit before publishing.
 */

const D = '[0-9０-９]';
const NOT_D = '[^0-9０-９]';
/** Separators people put inside a number: spaces (incl. no-break and ideographic) and dashes (ASCII, Unicode, full-width). */
const SEP_CLASS = '[ \\u00a0\\u3000\\-\\u2010-\\u2014\\uff0d]';
const SEP = `${SEP_CLASS}?`;
/** The end of a number: no further digit. */
const END = '(?![0-9０-９])';

const ID_NUMBER = `[1-9１-９]${D}{5}${SEP}${D}{8}${SEP}${D}{3}[0-9０-９XxＸｘ]`;
const LONG_NUMBER = `${D}{4}(?:${SEP}${D}{4}){3}(?:${SEP}${D}{1,3})?|${D}{15,}`;
const COUNTRY_PREFIX = `(?:[+＋][ \\u00a0]?|[0０][0０])?[8８][6６]${SEP}|[0０](?=[1１][3-9３-９])`;
const MOBILE = `[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}`;
const AREA_CODE = `[0０](?:[1１][0０]|[2２]${D}|[3-9３-９]${D}{2})`;
const LOCAL_NUMBER = `[2-9２-９]${D}{2,3}${SEP}${D}{4}`;

/**
 * One pass, left to right. Groups: 1 the character before (or the start), 2 identity number, 3 long number,
 * 4 country prefix, 5 mobile, 6 area code, 7 local number; then a parenthesised landline: 8 area code, 9 local.
 * The character before is captured (not looked behind) and put back unchanged.
 */
const PERSONAL_NUMBER = new RegExp(
  `(^|${NOT_D})(?:(${ID_NUMBER})|(${LONG_NUMBER})|(${COUNTRY_PREFIX})?(${MOBILE})|(${AREA_CODE})${SEP}(${LOCAL_NUMBER}))${END}` +
    `|[(（][ \\u00a0]?(${AREA_CODE})[ \\u00a0]?[)）][ \\u00a0]?(${LOCAL_NUMBER})${END}`,
  'g',
);
const SEPARATORS = new RegExp(SEP_CLASS, 'g');

/** The characters of a number without its separators (full-width digits kept as written). */
const compact = (written: string) => written.replace(SEPARATORS, '');
const stars = (n: number) => '*'.repeat(Math.max(n, 0));

function keepEnds(written: string, head: number, tail: number): string {
  const chars = compact(written);
  return chars.slice(0, head) + stars(chars.length - head - tail) + chars.slice(chars.length - tail);
}

/**
 * The text with mobile and landline numbers, identity numbers, other long numbers, e-mail addresses, WeChat and QQ
 * ids and a home's 门牌号 masked (see the file header for the formats). Idempotent: masking masked text changes nothing.
 */
export function maskPersonalDetails(text: string): string {
  return maskContactsAndHomes(maskNumbers(text));
}

function maskNumbers(text: string): string {
  return text.replace(
    PERSONAL_NUMBER,
    (
      match: string,
      before: string | undefined,
      idNumber: string | undefined,
      longNumber: string | undefined,
      countryPrefix: string | undefined,
      mobile: string | undefined,
      areaCode: string | undefined,
      localNumber: string | undefined,
      parenAreaCode: string | undefined,
      parenLocalNumber: string | undefined,
    ) => {
      const lead = before ?? '';
      if (idNumber) return lead + keepEnds(idNumber, 3, 4);
      if (longNumber) return lead + keepEnds(longNumber, 0, 4);
      if (mobile) return lead + (countryPrefix ?? '') + keepEnds(mobile, 3, 4);
      if (areaCode && localNumber) return `${lead}${areaCode}-${stars(compact(localNumber).length)}`;
      if (parenAreaCode && parenLocalNumber) return `${parenAreaCode}-${stars(compact(parenLocalNumber).length)}`;
      return match;
    },
  );
}

const EMAIL = /([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const WECHAT_ID = /(微信号?|weixin|wechat|vx|wx|v信)([ \u00a0\u3000]*[:：]?[ \u00a0\u3000]*)([A-Za-z])([-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])/gi;
const QQ_NUMBER = /(QQ号?|扣扣号?)([ \u00a0\u3000]*[:：]?[ \u00a0\u3000]*)([1-9１-９][0-9０-９])([0-9０-９]{3,9})(?![0-9０-９])/gi;
const FLAT = new RegExp(`(${D}+(?:栋|幢|座|号楼))(${D}+)(单元)(${D}+)(室|号)?`, 'g');
const ROOM = new RegExp(`(^|${NOT_D})(${D}{3,4})(室)`, 'g');
const VILLAGE_HOUSE = new RegExp(`((?:${D}+|[一二三四五六七八九十]+)(?:组|队))(${D}+)(号)(?!院|楼)`, 'g');

/** E-mail addresses, WeChat and QQ ids, and a home's unit, room or village house number (see the file header). */
function maskContactsAndHomes(text: string): string {
  return text
    .replace(EMAIL, (_m: string, first: string, domain: string) => `${first}***@${domain}`)
    .replace(WECHAT_ID, (_m: string, label: string, sep: string, first: string, rest: string) => label + sep + first + stars(rest.length))
    .replace(QQ_NUMBER, (_m: string, label: string, sep: string, head: string, rest: string) => label + sep + head + stars(rest.length))
    .replace(FLAT, (_m: string, building: string, unit: string, unitWord: string, room: string, roomWord: string | undefined) => building + stars(unit.length) + unitWord + stars(room.length) + (roomWord ?? ''))
    .replace(ROOM, (_m: string, before: string, room: string, word: string) => before + stars(room.length) + word)
    .replace(VILLAGE_HOUSE, (_m: string, group: string, house: string, word: string) => group + stars(house.length) + word);
}

/** Whether the text contains something `maskPersonalDetails` would mask — e.g. to warn staff before publishing. */
export function hasPersonalDetails(text: string): boolean {
  return maskPersonalDetails(text) !== text;
}
