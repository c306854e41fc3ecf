import type { Config } from '../config';
import type { Deps } from '../deps';
import { RateLimitRepository } from '../data/rate-limit.repository';
import { StandRepository } from '../stands/stand.repository';
import { HolidayCalendarRepository } from '../studio/holiday-calendar.repository';
import { StudioRepository } from '../studio/studio.repository';
import { GridRepository } from '../studio/grid.repository';
import { AuditRepository } from '../audit/audit.repository';
import { basicsOf, jobBasicsOf, tableOf, type Basics, type JobBasics } from '../wiring/basics';
import { contentCheckOf } from '../wiring/adapters/content-check';
import { photoStoreOf } from '../wiring/adapters/photos';
import { SubmissionRepository } from './submission.repository';
import { RateAskRepository } from './rate-ask.repository';
import { NoticeQueueRepository } from '../notices/notice-queue.repository';
import { WishRepository } from '../wishes/wish.repository';
import { SecondRepository } from './second.repository';
import { ConsultationRepository } from '../consultations/consultation.repository';
import { UnitRepository } from '../units/unit.repository';
import { CoordinationRepository } from '../consultations/coordination.repository';
import { TownRepository } from '../towns/town.repository';
import { UnitLiaisonRepository } from '../departments/unit-liaison.repository';
import { DepartmentRepository } from '../departments/department.repository';

/** The daily overdue count: every studio's open submissions (and 微心愿 nobody claimed); no session, no WeChat, no photos. */
export type SubmissionJobsDeps = JobBasics & Pick<Deps, 'studios' | 'submissions' | 'rateAsks' | 'holidayCalendars' | 'wishes' | 'noticeQueue'>;

export function submissionJobsDeps(cfg: Config): SubmissionJobsDeps {
  const table = tableOf(cfg);
  return { ...jobBasicsOf(cfg), studios: new StudioRepository(table), submissions: new SubmissionRepository(table), rateAsks: new RateAskRepository(table), holidayCalendars: new HolidayCalendarRepository(table), wishes: new WishRepository(table), noticeQueue: new NoticeQueueRepository(table) };
}

export type SubmissionsDeps = Basics & Pick<Deps, 'audit' | 'users' | 'studios' | 'grids' | 'holidayCalendars' | 'stands' | 'submissions' | 'contentCheck' | 'photos' | 'rateLimits' | 'seconds' | 'consultations' | 'departments' | 'units' | 'unitLiaisons' | 'coordinations' | 'towns'>;

export function submissionsDeps(cfg: Config): SubmissionsDeps {
  const table = tableOf(cfg);
  const basics = basicsOf(cfg);
  return {
    ...basics,
    audit: new AuditRepository(table),
    studios: new StudioRepository(table),
    grids: new GridRepository(table),
    holidayCalendars: new HolidayCalendarRepository(table),
    stands: new StandRepository(table),
    submissions: new SubmissionRepository(table),
    contentCheck: contentCheckOf(cfg),
    photos: photoStoreOf(cfg),
    rateLimits: new RateLimitRepository(table),
    seconds: new SecondRepository(table),
    consultations: new ConsultationRepository(table),
    departments: new DepartmentRepository(table),
    units: new UnitRepository(table),
    coordinations: new CoordinationRepository(table),
    towns: new TownRepository(table),
    unitLiaisons: new UnitLiaisonRepository(table),
  };
}
