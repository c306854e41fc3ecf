import type { SessionTokens } from './auth/session-tokens';
import type { WechatLogin } from './adapters/wechat/code2session';
import type { UserRepository } from './auth/user.repository';
import type { StudioRepository } from './studio/studio.repository';
import type { HolidayCalendarRepository } from './studio/holiday-calendar.repository';
import type { StandRepository } from './stands/stand.repository';
import type { PersonaRepository } from './local/persona.repository';
import type { RateLimitRepository } from './data/rate-limit.repository';
import type { BookingRepository } from './stands/booking.repository';
import type { StandFiguresRepository } from './stands/stand-figures.repository';
import type { ReadingRepository } from './readings/reading.repository';
import type { Notifier } from './adapters/notify/notifier';
import type { OutboxRepository } from './local/outbox.repository';
import type { SubmissionRepository } from './submissions/submission.repository';
import type { RateAskRepository } from './submissions/rate-ask.repository';
import type { NotificationRepository } from './notices/notification.repository';
import type { NoticeQueueRepository } from './notices/notice-queue.repository';
import type { ContentCheck } from './adapters/content-check';
import type { VenueQrCodes } from './adapters/wechat/venue-qr-code';
import type { PhotoStore } from './adapters/photos/photo-store';
import type { AuditRepository } from './audit/audit.repository';
import type { Metrics } from './metrics';
import type { CoinRepository } from './coins/coin.repository';
import type { VolunteerRepository } from './volunteers/volunteer.repository';
import type { ShiftRepository } from './volunteers/shift.repository';
import type { GridRepository } from './studio/grid.repository';
import type { WishRepository } from './wishes/wish.repository';
import type { DeskTicketRepository } from './auth/desk-ticket.repository';
import type { ConsultationRepository } from './consultations/consultation.repository';
import type { DepartmentRepository } from './departments/department.repository';
import type { TownRepository } from './towns/town.repository';
import type { MembershipRepository } from './towns/membership.repository';
import type { UnitRepository } from './units/unit.repository';
import type { AllianceRepository } from './units/alliance.repository';
import type { UnitLiaisonRepository } from './departments/unit-liaison.repository';
import type { CoordinationRepository } from './consultations/coordination.repository';
import type { SecondRepository } from './submissions/second.repository';
import type { ErrandRepository } from './errands/errand.repository';
import type { BatchReader } from './data/batch-reader';

/** Everything use cases depend on; built once per container in `container.ts`, or by tests. */
export interface Deps {
  isLocalStage: boolean;
  now: () => Date;
  newId: () => string;
  tokens: SessionTokens;
  wechatLogin: WechatLogin;
  users: UserRepository;
  /** Several items of any entity in one round trip (BatchGetItem), each read made by its entity's repository. */
  batch: BatchReader;
  studios: StudioRepository;
  /** The national holiday calendar, a year per item (`npm run holidays`). */
  holidayCalendars: HolidayCalendarRepository;
  stands: StandRepository;
  personas: PersonaRepository;
  rateLimits: RateLimitRepository;
  /** 扫码登录电脑工作台: one-time desk sign-in tickets. */
  deskTickets: DeskTicketRepository;
  bookings: BookingRepository;
  /** A studio's stands by month (bookings, served, 未到), counted as entries change: the town's figures read them. */
  standFigures: StandFiguresRepository;
  readings: ReadingRepository;
  /** Where a notice goes outward: WeChat subscribe messages, or the local outbox. Only the notice consumer sends. */
  notifier: Notifier;
  notifications: NotificationRepository;
  /** The transactional outbox of notices: requests and deliveries, handed to the notice consumer by the table's stream. */
  noticeQueue: NoticeQueueRepository;
  contentCheck: ContentCheck;
  submissions: SubmissionRepository;
  /** The follow-ups of resolutions (解决了吗？), by the day to ask. */
  rateAsks: RateAskRepository;
  /** The local stage's record of notices (empty elsewhere). */
  outbox: OutboxRepository;
  /** Who saw or changed what, per studio (append-only). */
  audit: AuditRepository;
  /** 幸福币: accounts, their ledgers, rules, rewards and redemptions. */
  coins: CoinRepository;
  /** Volunteers' registrations (under their person) and the studio's teams. */
  volunteers: VolunteerRepository;
  /** Volunteers' time at stands (check-in and check-out by staff). */
  shifts: ShiftRepository;
  /** 微心愿 and their claims. */
  /** 网格 / 院落 and the matters raised in each. */
  grids: GridRepository;
  wishes: WishRepository;
  /** 部门与联络员: departments and their hand-ons. */
  departments: DepartmentRepository;
  /** 镇街: towns and their studios. */
  towns: TownRepository;
  /** A person's roles in several studios or towns (切换身份). */
  memberships: MembershipRepository;
  /** A town's member units (成员单位, 区域化党建). */
  units: UnitRepository;
  /** 资源清单 / 需求清单 / 项目清单 of a town's alliance. */
  alliance: AllianceRepository;
  /** A member unit's liaisons as the unit lists them (who is told of its hand-ons and 协调会). */
  unitLiaisons: UnitLiaisonRepository;
  /** 附议: residents who raised the same matter (their Seconds and each matter's count). */
  seconds: SecondRepository;
  consultations: ConsultationRepository;
  /** 协调会: a town's 协商 of its member units. */
  coordinations: CoordinationRepository;
  /** 点单-配送: the errand catalogue, orders and their contact logs. */
  errands: ErrandRepository;
  venueQrCodes: VenueQrCodes;
  /** Object storage for submission photos (S3; s3rver locally). */
  photos: PhotoStore;
  /** What the service counts (bookings, check-ins, submissions, notices …): CloudWatch metrics in production. */
  metrics: Metrics;
  /** `personalContactRetentionDays`: phones and home addresses are kept this long after the matter is closed. */
  limits: { dailyBookingsPerResident: number; noShowGraceMinutes: number; healthReadingRetentionDays: number; personalContactRetentionDays: number };
}
