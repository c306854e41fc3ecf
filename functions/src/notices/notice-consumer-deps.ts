import type { Config } from '../config';
import { BookingRepository } from '../stands/booking.repository';
import { ErrandRepository } from '../errands/errand.repository';
import { jobBasicsOf, tableOf, type JobBasics } from '../wiring/basics';
import { notifierOf } from '../wiring/notifier';
import { NotificationRepository } from './notification.repository';
import { NoticeQueueRepository } from './notice-queue.repository';
import type { NoticeDeliveryDeps } from './notice-delivery.use-case';
import { ConsultationRepository } from '../consultations/consultation.repository';
import { CoordinationRepository } from '../consultations/coordination.repository';
import { UnitLiaisonRepository } from '../departments/unit-liaison.repository';
import { SubmissionRepository } from '../submissions/submission.repository';
import { SecondRepository } from '../submissions/second.repository';
import { StudioRepository } from '../studio/studio.repository';

/**
 * What the notice consumer (the table's stream, its own Lambda) wires: the queue, the 消息 lists and followers,
 * bookings (a cancelled stand's are released, with a home visit's errand order; a reminder marks its booking), and the outward channel (WeChat, or the
 * local outbox). Apart from the notices context's deps.ts, so that the HTTP Lambda of 关注 and 消息 carries none of it;
 * like a job, it signs no one in (no session tokens).
 */
export function noticeConsumerDeps(cfg: Config): JobBasics & NoticeDeliveryDeps {
  const table = tableOf(cfg);
  const basics = jobBasicsOf(cfg);
  return {
    ...basics,
    notifications: new NotificationRepository(table),
    bookings: new BookingRepository(table),
    errands: new ErrandRepository(table),
    noticeQueue: new NoticeQueueRepository(table),
    // a consultation's invitees: its matters' residents and seconders, the studio's representatives
    consultations: new ConsultationRepository(table),
    // a town's 协调会: its units' liaisons, its studios' admins
    coordinations: new CoordinationRepository(table),
    unitLiaisons: new UnitLiaisonRepository(table),
    submissions: new SubmissionRepository(table),
    seconds: new SecondRepository(table),
    studios: new StudioRepository(table),
    notifier: notifierOf(cfg, basics),
  };
}
