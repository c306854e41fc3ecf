/**
 * Retry keys for POSTs that must never happen twice (a booking, a walk-in number): ULID-like, 26 characters of
 * Crockford base32 — 10 for the time, 16 random. Made once per tap and sent again, unchanged, when the person
 * retries after the network dropped, so the API can answer the retry with what the first attempt did.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function randomValues(count: number): number[] {
  const out: number[] = []
  const cryptoObj = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (cryptoObj?.getRandomValues) {
    const bytes = new Uint8Array(count)
    cryptoObj.getRandomValues(bytes)
    bytes.forEach((b) => out.push(b % 32))
    return out
  }
  // weapp has no Web Crypto: Math.random is enough for a retry key (uniqueness, not secrecy)
  for (let i = 0; i < count; i += 1) out.push(Math.floor(Math.random() * 32))
  return out
}

export function newRequestId(now: number = Date.now()): string {
  let time = ''
  let t = Math.floor(now)
  for (let i = 0; i < 10; i += 1) {
    time = ALPHABET[t % 32] + time
    t = Math.floor(t / 32)
  }
  return time + randomValues(16).map((n) => ALPHABET[n]).join('')
}
