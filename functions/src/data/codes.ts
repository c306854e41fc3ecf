import { createHash, randomInt } from 'node:crypto';

/** A random code from an alphabet without look-alike characters. */
export function randomCode(alphabet: string, length: number): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** A stable digest of a request body (without its retry key): the same key must come with the same body. */
export function fingerprintOf(body: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url');
}
