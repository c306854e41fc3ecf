import { ulid } from 'ulid';
import { config, type Config } from './config';
import { documentClient } from './data/dynamodb-client';
import { UserRepository } from './data/user.repository';
import { StudioRepository } from './data/studio.repository';
import { StandRepository } from './data/stand.repository';
import { PersonaRepository } from './data/persona.repository';
import { RateLimitRepository } from './data/rate-limit.repository';
import { BookingRepository } from './data/booking.repository';
import { ReadingRepository } from './data/reading.repository';
import { SessionTokens } from './auth/session-tokens';
import { HttpWechatLogin, LocalWechatLogin } from './adapters/wechat/code2session';
import type { Deps } from './use-cases/deps';

export type Container = Deps & { maxBodyBytes: number };

/** Wires clients, repositories and adapters from a configuration. */
export function buildContainer(cfg: Config, overrides: Partial<Container> = {}): Container {
  const table = { client: documentClient({ region: cfg.region, endpoint: cfg.dynamodbEndpoint }), tableName: cfg.tableName };
  return {
    isLocalStage: cfg.isLocalStage,
    maxBodyBytes: cfg.maxBodyBytes,
    now: () => new Date(),
    newId: ulid,
    tokens: new SessionTokens(cfg.sessionSecret, cfg.sessionTtlSeconds),
    wechatLogin: cfg.wechat.adapter === 'local' ? new LocalWechatLogin() : new HttpWechatLogin(cfg.wechat),
    users: new UserRepository(table),
    studios: new StudioRepository(table),
    stands: new StandRepository(table),
    personas: new PersonaRepository(table),
    rateLimits: new RateLimitRepository(table),
    bookings: new BookingRepository(table),
    readings: new ReadingRepository(table),
    limits: { dailyBookingsPerResident: cfg.dailyBookingsPerResident, noShowGraceMinutes: cfg.noShowGraceMinutes, healthReadingRetentionDays: cfg.healthReadingRetentionDays },
    ...overrides,
  };
}

let built: Container | undefined;

/** This Lambda container's wiring, built once at cold start from the configuration. */
export function container(): Container {
  built ??= buildContainer(config());
  return built;
}
