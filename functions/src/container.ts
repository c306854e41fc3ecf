import { monotonicFactory, ulid } from 'ulid';
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
import { WechatAccessTokens } from './adapters/wechat/access-token';
import { LocalVenueQrCodes, WechatVenueQrCodes } from './adapters/wechat/venue-qr-code';
import { OutboxNotifier } from './adapters/notify/outbox-notifier';
import { WechatSubscribeNotifier } from './adapters/notify/wechat-subscribe-notifier';
import { OutboxRepository } from './data/outbox.repository';
import { SubmissionRepository } from './data/submission.repository';
import { NotificationRepository } from './data/notification.repository';
import { InAppNotifier } from './adapters/notify/in-app-notifier';
import { WechatContentCheck, WordListContentCheck } from './adapters/content-check';
import { S3PhotoStore } from './adapters/photos/photo-store';
import type { Deps } from './use-cases/deps';

export type Container = Deps & { maxBodyBytes: number };

/** Wires clients, repositories and adapters from a configuration. */
export function buildContainer(cfg: Config, overrides: Partial<Container> = {}): Container {
  const table = { client: documentClient({ region: cfg.region, endpoint: cfg.dynamodbEndpoint }), tableName: cfg.tableName };
  const now = overrides.now ?? (() => new Date());
  const users = new UserRepository(table);
  const local = cfg.wechat.adapter === 'local';
  // One access token per container, shared by every WeChat server API that needs one.
  const wechatTokens = local ? undefined : new WechatAccessTokens(cfg.wechat);
  const outbox = new OutboxRepository(table);
  const notifications = new NotificationRepository(table);
  const newId = monotonicFactory();
  return {
    isLocalStage: cfg.isLocalStage,
    maxBodyBytes: cfg.maxBodyBytes,
    now,
    // Monotonic: ids made in the same millisecond still sort in the order they were made (timeline events).
    newId,
    tokens: new SessionTokens(cfg.sessionSecret, cfg.sessionTtlSeconds),
    wechatLogin: local ? new LocalWechatLogin() : new HttpWechatLogin(cfg.wechat),
    venueQrCodes: wechatTokens ? new WechatVenueQrCodes({ apiBase: cfg.wechat.apiBase }, wechatTokens) : new LocalVenueQrCodes({ h5Base: cfg.localH5Base }),
    notifications,
    // Every notice lands in the resident's 消息 list, then goes to WeChat (or the local outbox).
    notifier: new InAppNotifier(notifications, wechatTokens
      ? new WechatSubscribeNotifier(
          { apiBase: cfg.wechat.apiBase, templates: cfg.wechat.noticeTemplates, miniprogramState: cfg.wechat.miniprogramState },
          { tokens: wechatTokens, openidOf: (userId) => users.findOpenidOfUser(userId) },
        )
      : new OutboxNotifier(outbox, { now, newId: ulid, nameOf: async (userId) => (await users.getUser(userId))?.displayName }), { now, newId }),
    contentCheck: wechatTokens ? new WechatContentCheck({ apiBase: cfg.wechat.apiBase }, wechatTokens) : new WordListContentCheck(cfg.localContentWords),
    submissions: new SubmissionRepository(table),
    photos: new S3PhotoStore({ bucket: cfg.photoBucket, region: cfg.region, endpoint: cfg.s3Endpoint }),
    outbox,
    users,
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
