import type { Config } from '../config';
import type { Deps } from '../deps';
import { NotificationRepository } from '../notices/notification.repository';
import { ReadingRepository } from '../readings/reading.repository';
import { BookingRepository } from '../stands/booking.repository';
import { StudioRepository } from '../studio/studio.repository';
import { SubmissionRepository } from '../submissions/submission.repository';
import { CoinRepository } from '../coins/coin.repository';
import { VolunteerRepository } from '../volunteers/volunteer.repository';
import { ShiftRepository } from '../volunteers/shift.repository';
import { WishRepository } from '../wishes/wish.repository';
import { ErrandRepository } from '../errands/errand.repository';
import { SecondRepository } from '../submissions/second.repository';
import { ConsultationRepository } from '../consultations/consultation.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { MembershipRepository } from '../towns/membership.repository';
import { TownRepository } from '../towns/town.repository';
import { photoStoreOf } from '../wiring/adapters/photos';

/** Everything kept about a resident: their submissions (and photos), bookings, readings, messages, follows, 幸福币, volunteering (and shifts at stands), 微心愿, 代办服务 and 附议. */
export type PrivacyDeps = Basics & Pick<Deps, 'studios' | 'submissions' | 'bookings' | 'readings' | 'notifications' | 'photos' | 'coins' | 'volunteers' | 'shifts' | 'wishes' | 'errands' | 'seconds' | 'consultations' | 'memberships' | 'towns'>;

export function privacyDeps(cfg: Config): PrivacyDeps {
  const table = tableOf(cfg);
  return {
    ...basicsOf(cfg),
    studios: new StudioRepository(table),
    memberships: new MembershipRepository(table),
    towns: new TownRepository(table),
    submissions: new SubmissionRepository(table),
    bookings: new BookingRepository(table),
    readings: new ReadingRepository(table),
    notifications: new NotificationRepository(table),
    photos: photoStoreOf(cfg),
    coins: new CoinRepository(table),
    volunteers: new VolunteerRepository(table),
    shifts: new ShiftRepository(table),
    wishes: new WishRepository(table),
    errands: new ErrandRepository(table),
    seconds: new SecondRepository(table),
    consultations: new ConsultationRepository(table),
  };
}
