import { monotonicFactory } from 'ulid';
import { needed, type Config } from '../config';
import { SessionTokens } from '../auth/session-tokens';
import { UserRepository } from '../auth/user.repository';
import { documentClient, type TableRef } from '../data/dynamodb-client';
import { BatchReader } from '../data/batch-reader';
import type { Deps } from '../deps';
import type { RouterDeps } from '../http/router';
import { metricsOf } from './metrics';

/** What every context's Lambda holds: the clock, ids, session tokens and the users they are checked against, limits, metrics. */
export type Basics = RouterDeps & Pick<Deps, 'newId' | 'limits' | 'metrics' | 'batch'>;

/** What a scheduled job holds: the same without session tokens (a job signs no one in, and is not given the secret). */
export type JobBasics = Omit<Basics, 'tokens'>;

/**
 * The clock: the real one, or on the local stage one that started at LOCAL_NOW when the configuration was read and
 * runs on from there (the stack's journeys open the QR code after the market closed; a newcomer can try 22:00 at noon).
 */
export function clockOf(cfg: Config): () => Date {
  if (!cfg.localNow) return () => new Date();
  const shift = cfg.localNow.getTime() - Date.now();
  return () => new Date(Date.now() + shift);
}

export function basicsOf(cfg: Config, now: () => Date = clockOf(cfg)): Basics {
  return { ...jobBasicsOf(cfg, now), tokens: new SessionTokens(needed(cfg.sessionSecret, 'sessionSecret'), cfg.sessionTtlSeconds) };
}

export function jobBasicsOf(cfg: Config, now: () => Date = clockOf(cfg)): JobBasics {
  return {
    isLocalStage: cfg.isLocalStage,
    maxBodyBytes: cfg.maxBodyBytes,
    now,
    // Monotonic: ids made in the same millisecond still sort in the order they were made (timeline events).
    newId: monotonicFactory(),
    users: new UserRepository(tableOf(cfg)),
    batch: new BatchReader(tableOf(cfg)),
    metrics: metricsOf(cfg),
    limits: { dailyBookingsPerResident: cfg.dailyBookingsPerResident, noShowGraceMinutes: cfg.noShowGraceMinutes, healthReadingRetentionDays: cfg.healthReadingRetentionDays, personalContactRetentionDays: cfg.personalContactRetentionDays },
  };
}

/** The table, through the container's one document client. */
export function tableOf(cfg: Config): TableRef {
  return { client: documentClient({ region: cfg.region, endpoint: cfg.dynamodbEndpoint }), tableName: cfg.tableName };
}
