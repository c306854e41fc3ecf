import { ConflictError, DomainError } from '../../functions/src/errors';

/** The domain error a use case refused with (code, message, fields, a 409's reason), failing the test if it did not refuse. */
export async function failureOf(work: Promise<unknown>): Promise<{ code: string; message: string; fields?: Record<string, string>; reason?: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) {
      const reason = error instanceof ConflictError ? error.reason : undefined;
      return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...(reason ? { reason } : {}) };
    }
    throw error;
  }
  throw new Error('expected the use case to refuse');
}
