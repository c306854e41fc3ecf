import type { Config } from '../config';
import { StudioRepository } from '../studio/studio.repository';
import { StandRepository } from '../stands/stand.repository';
import { PersonaRepository } from '../local/persona.repository';
import { RateLimitRepository } from '../data/rate-limit.repository';
import { BookingRepository } from '../stands/booking.repository';
import { StandFiguresRepository } from '../stands/stand-figures.repository';
import { ReadingRepository } from '../readings/reading.repository';
import { OutboxRepository } from '../local/outbox.repository';
import { SubmissionRepository } from '../submissions/submission.repository';
import { RateAskRepository } from '../submissions/rate-ask.repository';
import { NotificationRepository } from '../notices/notification.repository';
import { NoticeQueueRepository } from '../notices/notice-queue.repository';
import { AuditRepository } from '../audit/audit.repository';
import { CoinRepository } from '../coins/coin.repository';
import { VolunteerRepository } from '../volunteers/volunteer.repository';
import { HolidayCalendarRepository } from '../studio/holiday-calendar.repository';
import { ShiftRepository } from '../volunteers/shift.repository';
import { WishRepository } from '../wishes/wish.repository';
import { DeskTicketRepository } from '../auth/desk-ticket.repository';
import { GridRepository } from '../studio/grid.repository';
import { ConsultationRepository } from '../consultations/consultation.repository';
import { DepartmentRepository } from '../departments/department.repository';
import { TownRepository } from '../towns/town.repository';
import { MembershipRepository } from '../towns/membership.repository';
import { UnitRepository } from '../units/unit.repository';
import { AllianceRepository } from '../units/alliance.repository';
import { UnitLiaisonRepository } from '../departments/unit-liaison.repository';
import { CoordinationRepository } from '../consultations/coordination.repository';
import { SecondRepository } from '../submissions/second.repository';
import { ErrandRepository } from '../errands/errand.repository';
import type { Deps } from '../deps';
import { basicsOf, tableOf, type Basics } from './basics';
import { notifierOf } from './notifier';
import { contentCheckOf } from './adapters/content-check';
import { photoStoreOf } from './adapters/photos';
import { venueQrCodesOf } from './adapters/venue-qr-codes';
import { wechatLoginOf } from './adapters/wechat-login';

export type Container = Deps & Basics;

/**
 * Everything wired at once: for the tests, the demo seed and the scripts. A deployed Lambda never builds this: each
 * context wires only what it uses (`functions/src/<context>/deps.ts`), so that its bundle carries nothing else.
 */
export function buildContainer(cfg: Config, overrides: Partial<Container> = {}): Container {
  const basics = basicsOf(cfg, overrides.now);
  const table = tableOf(cfg);
  const notifications = new NotificationRepository(table);
  return {
    ...basics,
    wechatLogin: wechatLoginOf(cfg),
    venueQrCodes: venueQrCodesOf(cfg),
    notifications,
    noticeQueue: new NoticeQueueRepository(table),
    notifier: notifierOf(cfg, { users: basics.users, now: basics.now }),
    contentCheck: contentCheckOf(cfg),
    submissions: new SubmissionRepository(table),
    rateAsks: new RateAskRepository(table),
    photos: photoStoreOf(cfg),
    outbox: new OutboxRepository(table),
    audit: new AuditRepository(table),
    coins: new CoinRepository(table),
    volunteers: new VolunteerRepository(table),
    shifts: new ShiftRepository(table),
    grids: new GridRepository(table),
    wishes: new WishRepository(table),
    departments: new DepartmentRepository(table),
    towns: new TownRepository(table),
    memberships: new MembershipRepository(table),
    units: new UnitRepository(table),
    alliance: new AllianceRepository(table),
    unitLiaisons: new UnitLiaisonRepository(table),
    seconds: new SecondRepository(table),
    consultations: new ConsultationRepository(table),
    coordinations: new CoordinationRepository(table),
    errands: new ErrandRepository(table),
    studios: new StudioRepository(table),
    holidayCalendars: new HolidayCalendarRepository(table),
    stands: new StandRepository(table),
    personas: new PersonaRepository(table),
    rateLimits: new RateLimitRepository(table),
    deskTickets: new DeskTicketRepository(table),
    bookings: new BookingRepository(table),
    standFigures: new StandFiguresRepository(table),
    readings: new ReadingRepository(table),
    ...overrides,
  };
}
