import { DomainError } from '../../functions/src/errors';

/** The domain error a use case refused with (code, message, fields), failing the test if it did not refuse. */
export async function failureOf(work: Promise<unknown>): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    throw error;
  }
  throw new Error('expected the use case to refuse');
}
