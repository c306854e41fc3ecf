import { ulid } from 'ulid';
import { errandKindRequest, errandView, placeErrandRequest } from '@shared/schemas/errands';
import { volunteerRequest } from '@shared/schemas/volunteers';
import type { Principal } from '../auth/session-tokens';
import { getAuditLog } from '../audit/audit.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { deleteMyAccount } from '../privacy/delete-account.use-case';
import { myDataOf } from '../privacy/my-data.use-case';
import { bookSlot, cancelMyBooking } from '../stands/bookings.use-case';
import { releaseBookingsOfCancelledStand } from '../stands/cancelled-stand.use-case';
import { decideVolunteer, registerVolunteer, addTeamMember, createVolunteerTeam } from '../volunteers/volunteers.use-case';
import { createErrandKind, listErrandKinds, updateErrandKind } from './errand-catalogue.use-case';
import { addErrandContact, getErrand, getErrandFigures, listMyErrands, listMyErrandTasks, listOpenErrands, listStudioErrands, placeErrand, revealErrandContact } from './errand-orders.use-case';
import { assignErrand, cancelErrand, claimErrand, confirmErrand, decideErrandClaim, deliverErrand, reviewErrand } from './errand-steps.use-case';

/** A resident registered and approved as a volunteer of the studio. */
async function approveVolunteer(f: Awaited<ReturnType<typeof bookingFixture>>, person: Principal, skill: '代购跑腿' | '家电维修' = '代购跑腿') {
  await registerVolunteer(f.deps, person, f.seed.studioId, volunteerRequest.parse({ partyMember: false, skills: [skill], availability: '每天下午' }));
  await decideVolunteer(f.deps, f.principalOf('admin'), f.seed.studioId, person.userId, { approve: true });
}

// 点单-配送 against DynamoDB Local: 已下单 → 已审核 → [待确认接单 →] 已接单 → 已送达 → 已确认 (or 未通过 / 已取消); only
// the assigned volunteer reads the address and phone, through an audited reveal; coins on confirm in the same transaction.
describe('点单-配送 errands (DynamoDB Local)', () => {
  async function errandsFixture() {
    const f = await bookingFixture();
    const studioId = f.seed.studioId;
    const admin = f.principalOf('admin');
    const staff = f.principalOf('staff1');
    // the demo catalogue: 代购药品 (volunteers claim), 上门理发 (claims accepted by staff, a home visit), 代缴水电费 (staff dispatch)
    const kinds = await f.deps.errands.listKinds(studioId);
    const [medicine, haircut, bills] = ['代购药品', '上门理发', '代缴水电费'].map((name) => kinds.find((k) => k.name === name)!);
    /** `count` residents registered and approved as volunteers of the studio. */
    const volunteers = async (count: number, offset = 1): Promise<Principal[]> => {
      const people = await f.newResidents(count + offset);
      const chosen = people.slice(offset);
      await Promise.all(chosen.map((p) => approveVolunteer(f, p)));
      return chosen;
    };
    const order = (who: Principal, kindId: string, extra: Record<string, unknown> = {}) =>
      placeErrand(f.deps, who, studioId, placeErrandRequest.parse({ requestId: ulid(), kindId, forWhom: '独居老人', urgency: 2, when: '明天上午', address: '贡井区筱溪街道光荣院落3栋2号', phone: '13812345678', note: '降压药两盒', ...extra }));
    const stored = (id: string) => f.deps.errands.get(id);
    return { ...f, studioId, admin, staff, medicine, haircut, bills, volunteers, order, stored };
  }

  it('goes from order to confirmation: reviewed before volunteers see it, claimed, revealed (audited), delivered, confirmed with coins', async () => {
    const f = await errandsFixture();
    const [resident] = await f.newResidents(1);
    const [helper, other] = await f.volunteers(2, 1);

    expect((await listErrandKinds(f.deps, resident!, f.studioId, {})).kinds.map((k) => k.name)).toEqual(['代办证件', '代购药品', '代缴水电费', '上门理发']);
    const placed = errandView.parse(await f.order(resident!, f.medicine.id));
    expect(placed).toMatchObject({ status: 'ordered', personName: '居民1', area: '贡井区筱溪街道…', actions: ['cancel'] });
    expect(JSON.stringify(placed)).not.toMatch(/13812345678|3栋2号/);

    // not reviewed yet: no volunteer sees it, nor can claim it
    expect((await listOpenErrands(f.deps, helper!, f.studioId, {})).errands).toEqual([]);
    expect(await failureOf(getErrand(f.deps, helper!, f.studioId, placed.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(claimErrand(f.deps, helper!, f.studioId, placed.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await listStudioErrands(f.deps, f.staff, f.studioId, { status: 'ordered' })).errands.map((e) => e.id)).toEqual([placed.id]);

    const open = await reviewErrand(f.deps, f.staff, f.studioId, placed.id, { approve: true });
    expect(open.status).toBe('open');
    expect(await f.deps.noticeQueue.get(`${placed.id}.v2.errand_update.resident`)).toMatchObject({ userId: resident!.userId, kind: 'errand_update', data: { service: '代购药品', status: '已审核' } });
    expect((await listOpenErrands(f.deps, helper!, f.studioId, {})).errands.map((e) => [e.id, e.area, e.actions])).toEqual([[placed.id, '贡井区筱溪街道…', ['claim']]]);
    expect(await failureOf(listOpenErrands(f.deps, resident!, f.studioId, {}))).toMatchObject({ code: 'FORBIDDEN' });

    const claimed = await claimErrand(f.deps, helper!, f.studioId, placed.id);
    expect(claimed).toMatchObject({ status: 'assigned', volunteerName: '居民2', actions: ['deliver'] });
    expect(await f.deps.noticeQueue.get(`${placed.id}.v3.errand_update.volunteer`)).toMatchObject({ userId: helper!.userId, data: { status: '已接单' } });
    expect(await f.deps.noticeQueue.get(`${placed.id}.v3.errand_update.resident`)).toMatchObject({ userId: resident!.userId });
    expect((await listMyErrandTasks(f.deps, helper!, f.studioId, {})).errands.map((e) => e.id)).toEqual([placed.id]);

    // only the assigned volunteer reads the address and phone; each reveal is in the admin's audit trail
    expect(await revealErrandContact(f.deps, helper!, f.studioId, placed.id)).toEqual({ address: '贡井区筱溪街道光荣院落3栋2号', phone: '13812345678' });
    expect(await failureOf(revealErrandContact(f.deps, other!, f.studioId, placed.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(revealErrandContact(f.deps, f.staff, f.studioId, placed.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(revealErrandContact(f.deps, f.admin, f.studioId, placed.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(revealErrandContact(f.deps, resident!, f.studioId, placed.id))).toMatchObject({ code: 'FORBIDDEN' });
    const audit = await getAuditLog(f.deps, f.admin, f.studioId, { kind: 'errand_contact_revealed' });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actorName: '居民', summary: expect.stringContaining('代购药品') });
    expect(JSON.stringify(audit)).not.toMatch(/13812345678|光荣院落/);

    // the contact log: staff and the volunteer write and read it; the resident does not see it
    await addErrandContact(f.deps, helper!, f.studioId, placed.id, { kind: 'call', text: '约好下午三点送到', followUp: false });
    const logged = await addErrandContact(f.deps, f.staff, f.studioId, placed.id, { kind: 'note', text: '老人腿脚不便，送上楼', followUp: true });
    expect(logged.contacts!.map((c) => [c.by, c.kind, c.followUp])).toEqual([['居民2', 'call', false], ['王志强', 'note', true]]);
    expect((await getErrand(f.deps, resident!, f.studioId, placed.id)).contacts).toBeUndefined();
    expect(await failureOf(addErrandContact(f.deps, resident!, f.studioId, placed.id, { kind: 'note', text: '谢谢', followUp: false }))).toMatchObject({ code: 'FORBIDDEN' });

    expect(await failureOf(deliverErrand(f.deps, other!, f.studioId, placed.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await deliverErrand(f.deps, helper!, f.studioId, placed.id)).status).toBe('delivered');
    expect(await failureOf(cancelErrand(f.deps, resident!, f.studioId, placed.id, { reason: '不要了' }))).toEqual({ code: 'CONFLICT', message: '这单已是“已送达”，不能取消' });

    const done = await confirmErrand(f.deps, resident!, f.studioId, placed.id, { rating: 5, comment: '送得很及时' });
    expect(done).toMatchObject({ status: 'confirmed', rating: 5, coins: 5 });
    expect((await f.deps.coins.getAccount(f.studioId, helper!.userId))?.balance).toBe(5);
    expect((await f.deps.coins.listEntries(f.studioId, helper!.userId, { limit: 5 })).entries[0]).toMatchObject({ amount: 5, what: '完成一次代办服务（代购药品）', byName: '居民1' });
    expect(await failureOf(confirmErrand(f.deps, resident!, f.studioId, placed.id, { rating: 5 }))).toMatchObject({ code: 'CONFLICT' });
    expect((await f.deps.coins.getAccount(f.studioId, helper!.userId))?.balance).toBe(5); // once

    expect(await getErrandFigures(f.deps, f.staff, f.studioId)).toMatchObject({ byStatus: { confirmed: 1, ordered: 0, open: 0, assigned: 0, delivered: 0 }, confirmed: 1, ratings: 1, averageRating: 5 });
    expect((await listMyErrands(f.deps, resident!, f.studioId, {})).errands.map((e) => [e.id, e.status])).toEqual([[placed.id, 'confirmed']]);
  }, 120_000);

  it('gives a claimed order to exactly one of 50 volunteers claiming at once', async () => {
    const f = await errandsFixture();
    const [resident] = await f.newResidents(1);
    const crowd = await f.volunteers(50, 1);
    const placed = await f.order(resident!, f.medicine.id);
    await reviewErrand(f.deps, f.staff, f.studioId, placed.id, { approve: true });

    const outcomes = await Promise.all(crowd.map((v) => claimErrand(f.deps, v, f.studioId, placed.id).then(() => 'won' as const, (error: Error) => error)));
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    const refusals = outcomes.filter((o): o is Error => o !== 'won');
    expect(refusals).toHaveLength(49);
    expect(new Set(refusals.map((e) => (e as { code?: string }).code))).toEqual(new Set(['CONFLICT'])); // too late, not “not found”
    const stored = (await f.stored(placed.id))!;
    expect(stored).toMatchObject({ status: 'assigned', version: 3 });
    expect(crowd[outcomes.indexOf('won')]!.userId).toBe(stored.volunteerId);
    expect(await getErrandFigures(f.deps, f.staff, f.studioId)).toMatchObject({ byStatus: { assigned: 1, open: 0, ordered: 0 } });
  }, 180_000);

  it('refuses every step from a status it does not start from, and changes nothing', async () => {
    const f = await errandsFixture();
    const [resident] = await f.newResidents(1);
    const [helper] = await f.volunteers(1, 1);
    const placed = await f.order(resident!, f.medicine.id);
    const unchanged = async (work: Promise<unknown>) => {
      const before = await f.stored(placed.id);
      expect(await failureOf(work)).toMatchObject({ code: 'CONFLICT' });
      expect(await f.stored(placed.id)).toEqual(before);
    };
    // 已下单: no claim, delivery, confirmation
    await unchanged(assignErrand(f.deps, f.staff, f.studioId, placed.id, { volunteerId: helper!.userId }));
    await unchanged(deliverErrand(f.deps, f.staff, f.studioId, placed.id));
    await unchanged(confirmErrand(f.deps, f.staff, f.studioId, placed.id, { rating: 3 }));
    await unchanged(decideErrandClaim(f.deps, f.staff, f.studioId, placed.id, { accept: true }));
    await reviewErrand(f.deps, f.staff, f.studioId, placed.id, { approve: true });
    // 已审核: no second review, no delivery
    await unchanged(reviewErrand(f.deps, f.staff, f.studioId, placed.id, { approve: false, reason: '重复' }));
    await unchanged(deliverErrand(f.deps, f.staff, f.studioId, placed.id));
    await unchanged(confirmErrand(f.deps, resident!, f.studioId, placed.id, { rating: 4 }));
    await claimErrand(f.deps, helper!, f.studioId, placed.id);
    // 已接单: no claim again, no confirmation before delivery
    await unchanged(claimErrand(f.deps, helper!, f.studioId, placed.id));
    await unchanged(confirmErrand(f.deps, resident!, f.studioId, placed.id, { rating: 4 }));
    await unchanged(reviewErrand(f.deps, f.staff, f.studioId, placed.id, { approve: true }));
    // 已取消 (by the resident before delivery, with the reason): nothing goes on
    expect(await cancelErrand(f.deps, resident!, f.studioId, placed.id, { reason: '家人已经买了' })).toMatchObject({ status: 'cancelled', reason: '家人已经买了' });
    await unchanged(deliverErrand(f.deps, helper!, f.studioId, placed.id));
    await unchanged(cancelErrand(f.deps, f.staff, f.studioId, placed.id, { reason: '再取消' }));
    await unchanged(claimErrand(f.deps, helper!, f.studioId, placed.id));
    // and a refused order (the reason is the resident's to read)
    const second = await f.order(resident!, f.bills.id);
    expect(await reviewErrand(f.deps, f.staff, f.studioId, second.id, { approve: false, reason: '本周水电费已统一代缴' })).toMatchObject({ status: 'refused', reason: '本周水电费已统一代缴' });
    expect(await failureOf(assignErrand(f.deps, f.staff, f.studioId, second.id, { volunteerId: helper!.userId }))).toMatchObject({ code: 'CONFLICT' });
    expect(await getErrandFigures(f.deps, f.staff, f.studioId)).toMatchObject({ byStatus: { cancelled: 1, refused: 1, ordered: 0, open: 0, assigned: 0 } });
  }, 120_000);

  it('lets staff order for a person (代下单), assign a team member, accept or return a claim, and confirm for them', async () => {
    const f = await errandsFixture();
    const [resident] = await f.newResidents(1);
    const [barber, stranger] = await f.volunteers(2, 1);
    const team = await createVolunteerTeam(f.deps, f.admin, f.studioId, { name: '理发服务队' });
    await addTeamMember(f.deps, f.admin, f.studioId, team.id, barber!.userId, { leader: false });
    await updateErrandKind(f.deps, f.admin, f.studioId, f.haircut.id, errandKindRequest.parse({ name: '上门理发', description: '理发服务队上门为老人理发', dispatch: 'claim', acceptClaims: true, homeVisit: true, teamId: team.id }));

    // 代下单 is for staff only, and needs the person's name
    expect(await failureOf(f.order(resident!, f.haircut.id, { onBehalf: true, personName: '王奶奶' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(placeErrandRequest.safeParse({ requestId: ulid(), kindId: f.haircut.id, onBehalf: true, forWhom: '独居老人', urgency: 3, when: '周六', address: '光荣院落3栋', phone: '13812345678' }).error?.issues[0]).toMatchObject({ path: ['personName'], message: '代下单请填写服务对象的姓名' });
    const requestId = ulid();
    const forGranny = await f.order(f.staff, f.haircut.id, { onBehalf: true, personName: '王奶奶', requestId });
    expect(await f.order(f.staff, f.haircut.id, { onBehalf: true, personName: '王奶奶', requestId })).toMatchObject({ id: forGranny.id }); // a retried tap
    expect(forGranny).toMatchObject({ personName: '王奶奶', onBehalf: true, homeVisit: true });
    await reviewErrand(f.deps, f.staff, f.studioId, forGranny.id, { approve: true });

    // only the kind's team may claim; the claim waits for staff, who can send it back or accept it
    expect((await listOpenErrands(f.deps, stranger!, f.studioId, {})).errands).toEqual([]);
    expect(await failureOf(claimErrand(f.deps, stranger!, f.studioId, forGranny.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await claimErrand(f.deps, barber!, f.studioId, forGranny.id)).toMatchObject({ status: 'claimed' });
    expect(await failureOf(revealErrandContact(f.deps, barber!, f.studioId, forGranny.id))).toMatchObject({ code: 'CONFLICT' });
    expect(await decideErrandClaim(f.deps, f.staff, f.studioId, forGranny.id, { accept: false })).toMatchObject({ status: 'open' });
    expect((await f.stored(forGranny.id))!.volunteerId).toBeUndefined();
    await claimErrand(f.deps, barber!, f.studioId, forGranny.id);
    expect(await decideErrandClaim(f.deps, f.staff, f.studioId, forGranny.id, { accept: true })).toMatchObject({ status: 'assigned' });
    expect((await revealErrandContact(f.deps, barber!, f.studioId, forGranny.id)).address).toBe('贡井区筱溪街道光荣院落3栋2号');
    await deliverErrand(f.deps, barber!, f.studioId, forGranny.id);
    expect(await failureOf(confirmErrand(f.deps, barber!, f.studioId, forGranny.id, { rating: 5 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await confirmErrand(f.deps, f.staff, f.studioId, forGranny.id, { rating: 4 })).toMatchObject({ status: 'confirmed', coins: 5 });

    // staff dispatch: an approved team member only
    const bills = await f.order(resident!, f.bills.id);
    await reviewErrand(f.deps, f.staff, f.studioId, bills.id, { approve: true });
    expect(await failureOf(claimErrand(f.deps, barber!, f.studioId, bills.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(assignErrand(f.deps, f.staff, f.studioId, bills.id, { volunteerId: resident!.userId }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { volunteerId: '这位不是本工作室审核通过的志愿者' } });
    expect(await failureOf(assignErrand(f.deps, resident!, f.studioId, bills.id, { volunteerId: stranger!.userId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await assignErrand(f.deps, f.staff, f.studioId, bills.id, { volunteerId: stranger!.userId })).toMatchObject({ status: 'assigned', volunteerName: '居民3' });
    expect(await f.deps.noticeQueue.get(`${bills.id}.v3.errand_update.volunteer`)).toMatchObject({ userId: stranger!.userId });

    // the catalogue: a withdrawn kind can no longer be ordered; the admin still sees it
    await updateErrandKind(f.deps, f.admin, f.studioId, f.bills.id, errandKindRequest.parse({ name: '代缴水电费', description: '暂停', dispatch: 'assign', retired: true }));
    expect(await failureOf(f.order(resident!, f.bills.id))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { kindId: expect.any(String) } });
    expect((await listErrandKinds(f.deps, f.admin, f.studioId, { all: 'true' })).kinds.map((k) => [k.name, k.retired])).toContainEqual(['代缴水电费', true]);
    expect(await failureOf(createErrandKind(f.deps, f.staff, f.studioId, errandKindRequest.parse({ name: '代办证件', description: '代办证件', dispatch: 'assign' })))).toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);
});

describe('点单-配送 and the person’s data (DynamoDB Local)', () => {
  it('exports the orders with their address, deletes the address when an order is over, and forgets a deleted account', async () => {
    const f = await bookingFixture();
    const studioId = f.seed.studioId;
    const staff = f.principalOf('staff1');
    const [resident, helper] = await f.newResidents(2);
    await approveVolunteer(f, helper!);
    const kind = (await f.deps.errands.listKinds(studioId)).find((k) => k.name === '代购药品')!;
    const place = () => placeErrand(f.deps, resident!, studioId, placeErrandRequest.parse({ requestId: ulid(), kindId: kind.id, forWhom: '独居老人', urgency: 3, when: '周六', address: '洛社镇人民路12号', phone: '13812345678' }));
    const finished = await place();
    await cancelErrand(f.deps, resident!, studioId, finished.id, { reason: '不需要了' });
    expect(await f.deps.errands.getContact(finished.id)).toBeUndefined();

    const going = await place();
    await reviewErrand(f.deps, staff, studioId, going.id, { approve: true });
    await claimErrand(f.deps, helper!, studioId, going.id);
    const mine = await myDataOf(f.deps, resident!);
    expect(mine.errands).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'ordered', id: going.id, address: '洛社镇人民路12号', phone: '13812345678', status: '已接单' })]));
    expect((await myDataOf(f.deps, helper!)).errands).toEqual([expect.objectContaining({ role: 'served', id: going.id })]);
    expect(JSON.stringify((await myDataOf(f.deps, helper!)).errands)).not.toMatch(/13812345678/);

    await deleteMyAccount(f.deps, resident!);
    expect(await f.deps.errands.getContact(going.id)).toBeUndefined();
    expect(await f.deps.errands.get(going.id)).toMatchObject({ status: 'cancelled', reason: '本人注销账号', personName: '（已注销）' });
    expect((await f.deps.errands.get(going.id))!.residentId).toBeUndefined();
  }, 60_000);
});

describe('a home visit booked at a stand (DynamoDB Local)', () => {
  it('becomes an errand order in the booking’s transaction: staff dispatch it, only the one who goes reads the address; cancelling the booking cancels it', async () => {
    const f = await bookingFixture();
    const studioId = f.seed.studioId;
    const staff = f.principalOf('staff1');
    const [resident, fixer] = await f.newResidents(2);
    await approveVolunteer(f, fixer!, '家电维修');
    const service = { ...f.todayStand.services[0]!, name: '家电上门维修', homeVisit: true, keepsHealthReadings: false };
    const venueId = ulid();
    await f.deps.stands.putVenue({ id: venueId, studioId, name: '上门服务', address: '洛社镇', rules: [] });
    const stand = { ...f.todayStand, id: ulid(), venueId, venueName: '上门服务', services: [service] };
    await f.deps.stands.createStandWithSlots(stand, [{ standId: stand.id, serviceId: service.id, startTime: '10:00', endTime: '11:00', capacity: 3, booked: 0 }]);
    const book = () => bookSlot(f.deps, resident!, { standId: stand.id, serviceId: service.id, startTime: '10:00', requestId: ulid(), address: '洛社镇前进村3组12号', phone: '13800001111', phoneConsent: true });

    const visit = await book();
    const order = await getErrand(f.deps, staff, studioId, visit.id);
    expect(order).toMatchObject({ kindName: '上门服务·家电上门维修', homeVisit: true, status: 'ordered', personName: '居民1', area: '洛社镇…' });
    expect(JSON.stringify(order)).not.toContain('前进村');
    expect((await listMyErrands(f.deps, resident!, studioId, {})).errands.map((e) => e.id)).toEqual([visit.id]);
    await reviewErrand(f.deps, staff, studioId, visit.id, { approve: true });
    expect(await failureOf(claimErrand(f.deps, fixer!, studioId, visit.id))).toMatchObject({ code: 'NOT_FOUND' }); // staff dispatch it
    await assignErrand(f.deps, staff, studioId, visit.id, { volunteerId: fixer!.userId });
    expect(await revealErrandContact(f.deps, fixer!, studioId, visit.id)).toEqual({ address: '洛社镇前进村3组12号', phone: '13800001111' });
    expect(await failureOf(revealErrandContact(f.deps, staff, studioId, visit.id))).toMatchObject({ code: 'FORBIDDEN' });

    await cancelMyBooking(f.deps, resident!, visit.id);
    expect(await f.deps.errands.get(visit.id)).toMatchObject({ status: 'cancelled', reason: '居民取消了预约' });
    expect(await f.deps.errands.getContact(visit.id)).toBeUndefined();

    // a stand cancelled by staff: its bookings are released (the notice consumer's fan-out) and the visits' orders with them
    const [neighbour] = await f.newResidents(1);
    const second = await bookSlot(f.deps, neighbour!, { standId: stand.id, serviceId: service.id, startTime: '10:00', requestId: ulid(), address: '洛社镇前进村4组1号' });
    expect((await f.deps.errands.get(second.id))!.status).toBe('ordered');
    await releaseBookingsOfCancelledStand(f.deps, stand.id, f.now.toISOString());
    expect(await f.deps.errands.get(second.id)).toMatchObject({ status: 'cancelled', reason: '服务取消' });
    expect(await getErrandFigures(f.deps, staff, studioId)).toMatchObject({ byStatus: { cancelled: 2, ordered: 0, assigned: 0 } });
  }, 60_000);
});
