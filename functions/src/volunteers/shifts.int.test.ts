import { addDays, chinaInstant, formatChinaDate } from '@shared/time';
import { shiftView } from '@shared/schemas/volunteers';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { getCoinFigures, getMyCoins } from '../coins/coins.use-case';
import { deleteMyAccount } from '../privacy/delete-account.use-case';
import { myDataOf } from '../privacy/my-data.use-case';
import { checkInVolunteer, checkOutVolunteer, listStandVolunteers, minutesWithin } from './shifts.use-case';
import { decideVolunteer, getMyVolunteer, registerVolunteer } from './volunteers.use-case';

// Volunteer hours at a stand against DynamoDB Local: staff check an approved volunteer in and out on the stand's day;
// the minutes within the stand's hours are theirs, each whole hour earns the `volunteer-hour` rule's coins (2 in the
// demo), in one transaction with the month's figures; retries change nothing; the wrong people and days are refused.
describe('volunteer shifts at a stand (DynamoDB Local)', () => {
  async function world() {
    const f = await bookingFixture();
    const { stand } = await f.standWithSlot(4);
    let clock = new Date(chinaInstant(stand.date, stand.startTime));
    const deps = { ...f.deps, now: () => clock };
    const at = (time: string) => {
      clock = new Date(chinaInstant(stand.date, time));
    };
    const admin = f.principalOf('admin');
    const staff = f.principalOf('staff1');
    const [helper, stranger] = await f.newResidents(2);
    const studioId = f.seed.studioId;
    const register = { partyMember: true, inService: false, skills: ['助老陪伴' as const], availability: '赶集日上午' };
    await registerVolunteer(deps, helper!, studioId, register);
    await registerVolunteer(deps, stranger!, studioId, register);
    await decideVolunteer(deps, admin, studioId, helper!.userId, { approve: true });
    return { f, deps, stand, at, admin, staff, helper: helper!, stranger: stranger!, studioId };
  }

  it('counts the minutes within the stand’s hours', () => {
    const stand = { date: '2026-12-02', startTime: '08:00', endTime: '11:30' };
    const t = (time: string) => chinaInstant('2026-12-02', time);
    expect(minutesWithin(stand, t('07:15'), t('09:40'))).toBe(100); // from the opening
    expect(minutesWithin(stand, t('10:00'), t('13:00'))).toBe(90); // to the close
    expect(minutesWithin(stand, t('12:00'), t('13:00'))).toBe(0);
    expect(minutesWithin(stand, t('09:00'), t('09:00'))).toBe(0);
  });

  it('checks in, checks out with coins for whole hours, once however often it is tapped', async () => {
    const { f, deps, stand, at, admin, staff, helper, studioId } = await world();
    const [startH, startM] = stand.startTime.split(':').map(Number) as [number, number];
    const hhmm = (minutes: number) => `${String(Math.floor((startH * 60 + startM + minutes) / 60)).padStart(2, '0')}:${String((startM + minutes) % 60).padStart(2, '0')}`;

    at(hhmm(10));
    const listed = await listStandVolunteers(deps, staff, stand.id, {});
    expect(listed.volunteers.map((v) => v.userId)).toContain(helper.userId); // approved ones only (the demo's 孙师傅 too)
    expect(listed.volunteers.map((v) => v.displayName)).not.toContain('居民2');
    const shift = shiftView.parse(await checkInVolunteer(deps, staff, stand.id, helper.userId));
    expect(shift).toMatchObject({ status: 'in', displayName: '居民1' });
    expect(await checkInVolunteer(deps, staff, stand.id, helper.userId)).toEqual(shift); // a retried tap: the same shift

    at(hhmm(10 + 150)); // 2 h 30 min later
    const out = await checkOutVolunteer(deps, staff, stand.id, helper.userId);
    expect(out).toMatchObject({ status: 'out', minutes: 150, coins: 4 }); // 2 whole hours × 2
    at(hhmm(10 + 170));
    expect(await checkOutVolunteer(deps, staff, stand.id, helper.userId)).toEqual(out); // again: nothing more

    const mine = await getMyCoins(deps, helper, studioId, {});
    expect(mine.balance).toBe(4);
    expect(mine.entries).toEqual([expect.objectContaining({ amount: 4, by: '王志强', what: expect.stringContaining('2 小时 30 分') })]);
    expect(await getMyVolunteer(deps, helper, studioId)).toMatchObject({ served: { minutes: 150, shifts: 1 } });
    const figures = await getCoinFigures(deps, admin, studioId, { month: stand.date.slice(0, 7) });
    expect(figures).toMatchObject({ issued: 4, awards: 1, volunteerMinutes: 150, volunteerShifts: 1 });
    expect((await listStandVolunteers(deps, staff, stand.id, {})).shifts).toEqual([out]);

    // once out, not in again at the same stand
    expect(await failureOf(checkInVolunteer(deps, staff, stand.id, helper.userId))).toEqual({ code: 'CONFLICT', message: '居民1今天在这里已经签退了' });
    void f;
  }, 60_000);

  it('refuses the unapproved, the wrong day, a stand closed or cancelled, and people of no studio', async () => {
    const { f, deps, stand, at, staff, helper, stranger } = await world();
    at(stand.startTime);
    expect(await failureOf(checkInVolunteer(deps, staff, stand.id, stranger.userId))).toEqual({ code: 'CONFLICT', message: '只有审核通过的志愿者才能签到' });
    expect(await deps.shifts.get(stand.id, stranger.userId)).toBeUndefined(); // nothing written
    expect(await failureOf(checkInVolunteer(deps, helper, stand.id, helper.userId))).toMatchObject({ code: 'FORBIDDEN' }); // a resident
    expect(await failureOf(checkOutVolunteer(deps, staff, stand.id, helper.userId))).toEqual({ code: 'NOT_FOUND', message: '这位志愿者今天在这里还没有签到' });
    expect(await failureOf(checkInVolunteer(deps, staff, '01JD0000000000000000000000', helper.userId))).toMatchObject({ code: 'NOT_FOUND' });
    at(stand.endTime);
    expect(await failureOf(checkInVolunteer(deps, staff, stand.id, helper.userId))).toEqual({ code: 'CONFLICT', message: '服务点已经结束，不能再签到' });
    const tomorrow = { ...deps, now: () => new Date(chinaInstant(addDays(stand.date, 1), stand.startTime)) };
    expect(await failureOf(checkInVolunteer(tomorrow, staff, stand.id, helper.userId))).toEqual({ code: 'CONFLICT', message: `只能在服务点当天（${formatChinaDate(stand.date)}）签到` });
    const cancelled = { ...stand, id: '01JD0000000000000000000001', venueId: '01JD0000000000000000000002', status: 'cancelled' as const };
    await f.deps.stands.createStandWithSlots(cancelled, []);
    at(stand.startTime);
    expect(await failureOf(checkInVolunteer(deps, staff, cancelled.id, helper.userId))).toEqual({ code: 'CONFLICT', message: '这次服务点已取消，不能签到' });
  }, 60_000);

  it('is in the volunteer’s data, and leaves with their account', async () => {
    const { deps, stand, at, staff, helper } = await world();
    at(stand.startTime);
    await checkInVolunteer(deps, staff, stand.id, helper.userId);
    at(stand.endTime);
    await checkOutVolunteer(deps, staff, stand.id, helper.userId);
    const data = await myDataOf(deps, helper);
    expect(data.volunteering[0]!.shifts).toEqual([expect.objectContaining({ venueName: '测试院落', date: stand.date, minutes: expect.any(Number) })]);
    await deleteMyAccount(deps, helper);
    expect(await deps.shifts.listOfUser(helper.userId)).toEqual([]);
    expect(await deps.shifts.get(stand.id, helper.userId)).toBeUndefined();
    expect(await deps.shifts.totals(helper.userId, stand.studioId)).toEqual({ minutes: 0, shifts: 0 });
  }, 60_000);
});
