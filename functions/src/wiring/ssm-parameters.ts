import type { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';

/** Kept this long in the provider's cache: a retried cold start in the same container asks again only after that. */
const MAX_AGE_SECONDS = 300;

/**
 * Fetches parameters from SSM Parameter Store by name, decrypted (SecureString), through Powertools Parameters:
 * one GetParameters call for up to 10 names, values cached per container. A name SSM does not know is left out of
 * the answer (`throwOnError: false`); config.ts names it. Any other failure (no permission, no network) throws.
 *
 * The provider (and the SSM client) is made on first use, so a function that reads no parameter — every function on
 * the local stage — never loads it.
 */
export function ssmParameterSource(makeProvider: () => Promise<SSMProvider> = defaultProvider) {
  let provider: Promise<SSMProvider> | undefined;
  return async (names: string[]): Promise<Record<string, string | undefined>> => {
    provider ??= makeProvider();
    const answer: Record<string, unknown> = await (await provider).getParametersByName(Object.fromEntries(names.map((name) => [name, {}])), { decrypt: true, maxAge: MAX_AGE_SECONDS, throwOnError: false });
    // `_errors` lists the names SSM did not find: they are simply not in the answer
    return Object.fromEntries(names.flatMap((name) => (typeof answer[name] === 'string' ? [[name, answer[name] as string]] : [])));
  };
}

async function defaultProvider(): Promise<SSMProvider> {
  const { SSMProvider } = await import('@aws-lambda-powertools/parameters/ssm');
  return new SSMProvider();
}

export const ssmParameters = ssmParameterSource();
