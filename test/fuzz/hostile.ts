import fc from 'fast-check';

/**
 * Hostile values for the contract fuzzer: what a tampered client, a script or a confused phone may send in a body
 * field, a query parameter or a path segment. Fixed lists of known troublemakers, mixed with fast-check's own
 * strings and numbers.
 */

/** A JSON literal written as it is: what JSON.stringify cannot make (1e999 is Infinity once parsed, -0, 30 digits). */
export class RawJson {
  constructor(readonly text: string) {
    Object.freeze(this);
  }
}

/**
 * The constants below are handed out as they are (fast-check's constantFrom gives the same object every time): frozen,
 * so that spoiling a request's body can never change them for the requests after it.
 */
function deepFrozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFrozen(Object.getOwnPropertyDescriptor(value, key)!.value);
  }
  return value;
}

/** A photo key made at send time: a fresh object of this kind under the caller's own prefix (or someone else's). */
export type PhotoKind = 'png' | 'empty' | 'not-an-image' | 'png-named-jpg' | 'too-big' | 'other-users' | 'never-uploaded';
export class PhotoRef {
  constructor(readonly kind: PhotoKind) {}
}

/** An object with an own property of any name, `__proto__` included (a literal or an assignment would set the prototype). */
export function objectWith(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** JSON text of a value that may hold RawJson literals and own `__proto__` keys. */
export function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  return `{${Object.keys(object)
    .map((key) => `${JSON.stringify(key)}:${toJson(Object.getOwnPropertyDescriptor(object, key)!.value)}`)
    .join(',')}}`;
}

export const INJECTIONS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","点我领奖")',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '\u0000',
  'a\u0000b',
  '{"$gt":""}',
  'attribute_not_exists(PK)',
  ':previous',
  '#ttl',
  'USER#x',
  'RATE#x',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e21',
  '0x10',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  // the local content check's words: refused, or held for review
  '有人在村里组织赌博，请尽快处理',
  '投诉书记待审核的事情很多',
];

export const UNICODE_EDGES = [
  '',
  ' ',
  '     ',
  '\n\n\n\n\n',
  '\r\n',
  '\t',
  '\u00a0\u00a0\u00a0\u00a0\u00a0',
  '\u3000\u3000\u3000\u3000\u3000',
  '\u200b\u200b\u200b\u200b\u200b\u200b',
  '\ufeff',
  '\u202e反转的文字内容',
  '\ud800',
  '\udfff\ud800',
  '菜场东门\ud800的垃圾桶满了',
  '😀',
  '👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦',
  '😀😀😀😀😀😀😀😀',
  'e\u0301'.repeat(12),
  'Z̷̧̛̭͍̈́a̸̢̛l̵̨̛g̶̡̛o̷̧̕',
  '𠜎𠜱𠝹𠱓𠱸𠲖',
  '１２３４５６７８９０１',
  '٣٤٥٦٧',
  'ＡＢＣＤＥＦ',
  'İıſK',
  '\u0085\u2028\u2029',
  '\\',
  '"',
  "'",
  '%',
  '%E0%A4%A',
  '%%%%%',
  '+',
  '！！！！！？？？',
];

/** Sizes around the limits: field maxima, the 64 KB body limit (in characters and in UTF-8 bytes). */
export const HUGE_STRINGS = [
  'a'.repeat(2048),
  'a'.repeat(10_000),
  '汉'.repeat(1001),
  '汉'.repeat(20_000),
  '汉'.repeat(22_000),
  'x'.repeat(60_000),
  '😀'.repeat(5_000),
  ' '.repeat(5_000),
  '\u0000'.repeat(1_000),
];

/** Around the schemas' bounds (0, 1, 12 weeks, 31 days, 60 working days, 168 hours, 240 minutes, 260 mmHg …). */
export const BOUNDARY_NUMBERS = [
  0, -0, 1, -1, 0.5, -0.5, 1.5, 2, 4, 7, 12, 13, 30, 31, 32, 59, 60, 61, 160, 168, 169, 220, 240, 241, 260, 261, 1000, 1001, 65_535, 65_536,
  1_000_000, 1_000_001, 2 ** 31 - 1, 2 ** 31, 2 ** 32, Number.MIN_VALUE, Number.EPSILON, 0.1 + 0.2,
];

/** Whole numbers too big for DynamoDB's numbers as JavaScript writes them, or for JavaScript itself. */
export const HUGE_NUMBERS = [2 ** 53, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, 1e16 + 1, 1e21, 1e308, Number.MAX_VALUE, -1e21, -Number.MAX_SAFE_INTEGER];

/** Numbers only raw JSON can carry. */
export const RAW_NUMBERS = ['1e999', '-1e999', '1e-999', '-0', '1.0', '1E2', '0e0', '123456789012345678901234567890', '0.30000000000000004', '9007199254740993'].map((text) => new RawJson(text));

/** Keys a client may add hoping for prototype pollution or mass assignment. */
export const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isAdmin',
  'role',
  'status',
  'userId',
  'id',
  'PK',
  'SK',
  'GSI1PK',
  'ttl',
  'createdAt',
  '',
  ' ',
  '$where',
  'a.b',
  '0',
  '😀',
  '\u0000',
];

const POLLUTERS: unknown[] = [
  objectWith([['__proto__', { isAdmin: true, polluted: 'yes' }]]),
  objectWith([['constructor', { prototype: { isAdmin: true, polluted: 'yes' } }]]),
  { toString: 'x', valueOf: 1, hasOwnProperty: 'no' },
  { length: 1e9 },
  { $gt: '' },
  { '': '' },
];

const STRUCTURES: unknown[] = deepFrozen([
  null,
  true,
  false,
  [],
  {},
  [null],
  [[]],
  [{}],
  ...POLLUTERS,
  [objectWith([['__proto__', { isAdmin: true }]])],
  new RawJson(`${'['.repeat(3_000)}${']'.repeat(3_000)}`),
  new RawJson(`${'{"a":'.repeat(1_000)}1${'}'.repeat(1_000)}`),
  Array.from({ length: 1_000 }, () => 0),
  Array.from({ length: 200 }, (_, i) => `条目${i}`),
]);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 2, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  // a well-formed id of nothing
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/) },
);

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...HUGE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  // a number where JSON may carry one, but spelled as a string
  { weight: 1, arbitrary: fc.constantFrom('1', '0', '-1', '1e21', '', ' 1') },
);

export const hostileStructure: fc.Arbitrary<unknown> = fc.constantFrom(...STRUCTURES);

/** Anything at all, of any type. */
export const anyHostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 3, arbitrary: hostileStructure },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.oneof(hostileString, hostileNumber)), { maxLength: 3 }).map(objectWith) },
);

/** Whole bodies that are not a JSON object, or are too big (64 KB is the limit: in UTF-8 bytes, not characters). */
export function hostileRawBodies(maxBodyBytes: number): fc.Arbitrary<{ text: string; label: string }> {
  const padded = (bytes: number) => `{"x":"${'a'.repeat(bytes - 8)}"}`;
  const bodies: [string, string][] = [
    ['empty', ''],
    ['space', ' '],
    ['null', 'null'],
    ['true', 'true'],
    ['number', '1'],
    ['string', '"x"'],
    ['array', '[]'],
    ['array of object', '[{}]'],
    ['unclosed', '{'],
    ['truncated', '{"a":'],
    ['single quotes', "{'a':1}"],
    ['BOM', '\ufeff{}'],
    ['undefined', 'undefined'],
    ['NaN', 'NaN'],
    ['trailing comma', '{"a":1,}'],
    ['duplicate keys', '{"a":1,"a":2}'],
    ['__proto__ only', '{"__proto__":{"isAdmin":true}}'],
    ['constructor only', '{"constructor":{"prototype":{"isAdmin":true}}}'],
    ['deep arrays', `${'['.repeat(30_000)}${']'.repeat(30_000)}`],
    ['object at the limit', padded(maxBodyBytes)],
    ['object one byte over', padded(maxBodyBytes + 1)],
    ['70 KB of x', 'x'.repeat(70_000)],
    ['22000 汉 (66 KB in UTF-8)', `{"text":"${'汉'.repeat(22_000)}"}`],
    ['1 MB', `[${'1,'.repeat(500_000)}1]`],
  ];
  return fc.constantFrom(...bodies).map(([label, text]) => ({ label, text }));
}

/** Path parameters a router must refuse before any I/O, or look up and not find. */
export const HOSTILE_PATH_PARAMS = [
  '',
  'a'.repeat(2048),
  'A'.repeat(64),
  'A'.repeat(65),
  '../',
  '..',
  '.',
  '../../etc/passwd',
  '%00',
  '%2F',
  '%',
  '%E0%A4%A',
  '\u0000',
  '😀',
  '汉字',
  'ＡＢＣ',
  '\ud800',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  ' ',
  'a b',
  'a/b',
  'a?b=c',
  'a#b',
  '=cmd',
  '-1',
  '0',
  '1e21',
  'USER#x',
  '*',
  '01ARZ3NDEKTSV4RRFFQ69G5FAV',
];
