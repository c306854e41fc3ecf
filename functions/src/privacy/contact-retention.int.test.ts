import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { addDays, chinaDate, chinaInstant } from '@shared/time';
import { documentClient } from '../data/dynamodb-client';
import { bookSlot } from '../stands/bookings.use-case';
import type { Slot, Stand } from '../stands/stand.repository';
import { submit } from '../submissions/submissions.use-case';
import { acceptSubmission, getStudioSubmission, rateSubmission, replyToSubmission, resolveSubmission } from '../submissions/submission-desk.use-case';
import { exportSubmissionsCsv } from '../submissions/submission-reports.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { testDynamoEndpoint } from '../../../test/support/tables';

const DAY = 86_400_000;

/** One item as stored (to see what DynamoDB's TTL will act on). */
async function storedItem(tableName: string, PK: string, SK: string): Promise<Record<string, unknown> | undefined> {
  const client = documentClient({ region: 'local', endpoint: testDynamoEndpoint() });
  return (await client.send(new GetCommand({ TableName: tableName, Key: { PK, SK }, ConsistentRead: true }))).Item;
}

// PERSONAL_CONTACT_RETENTION_DAYS (180 by default): phones and home addresses live in contact items of their own, with
// a TTL; reads stop showing them the moment their time is up (TTL deletes lag). Against DynamoDB Local.
describe('how long phones and home addresses are kept (DynamoDB Local)', () => {
  it('keeps a submission’s phone while it is open and 180 days after it is resolved; a reopening keeps it again; then it is shown nowhere', async () => {
    const f = await bookingFixture();
    let clock = f.now;
    const deps = { ...f.deps, now: () => clock };
    const rep = f.principalOf('rep1');
    const [resident] = await f.newResidents(1);
    const base = { studioId: f.seed.studioId, category: '环境卫生', text: '河边有人倒建筑垃圾，已经堆了一周', public: false, phone: '13912345678', phoneConsent: true };
    // the studio sees it masked; the whole number only through 显示完整号码
    const phoneOf = async (id: string) => (await getStudioSubmission(deps, rep, f.seed.studioId, id)).phone;
    const contactOf = (id: string) => storedItem(f.tableName, `SUBMISSION#${id}`, 'CONTACT');

    const view = await submit(deps, resident, { ...base, requestId: ulid() });
    // the submission item itself never holds the phone; its contact item does, with no end while the matter is open
    expect((await storedItem(f.tableName, `SUBMISSION#${view.id}`, 'META'))?.phone).toBeUndefined();
    expect(await contactOf(view.id)).toMatchObject({ phone: '13912345678' });
    expect((await contactOf(view.id))?.ttl).toBeUndefined();
    await acceptSubmission(deps, rep, view.id, { triage: 'minor' });
    await replyToSubmission(deps, rep, view.id, { text: '已请村委会清运，并在河边立了提示牌。', public: false });
    expect(await phoneOf(view.id)).toBe('139****5678');

    const resolvedAt = clock;
    await resolveSubmission(deps, rep, view.id, { outcome: 'fixed' });
    expect((await contactOf(view.id))?.ttl).toBe(Math.floor((resolvedAt.getTime() + 180 * DAY) / 1000));
    clock = new Date(resolvedAt.getTime() + 179 * DAY);
    expect(await phoneOf(view.id)).toBe('139****5678');

    // a 不满意 within the time reopens it: kept again with no end, until it is resolved again
    await rateSubmission(deps, resident, view.id, { rating: 'dissatisfied', comment: '垃圾又堆起来了' });
    expect((await contactOf(view.id))?.ttl).toBeUndefined();
    clock = new Date(resolvedAt.getTime() + 400 * DAY);
    expect(await phoneOf(view.id)).toBe('139****5678');
    await replyToSubmission(deps, rep, view.id, { text: '已安排每周巡查一次。', public: false });
    const resolvedAgain = clock;
    await resolveSubmission(deps, rep, view.id, { outcome: 'fixed' });
    expect((await contactOf(view.id))?.ttl).toBe(Math.floor((resolvedAgain.getTime() + 180 * DAY) / 1000));

    // past its time: not in the studio's view, not in the CSV — even though TTL has not deleted it yet
    clock = new Date(resolvedAgain.getTime() + 180 * DAY + 1000);
    expect(await contactOf(view.id)).toBeDefined();
    expect(await phoneOf(view.id)).toBeUndefined();
    const day = chinaDate(view.createdAt);
    const csv = (await exportSubmissionsCsv(deps, rep, f.seed.studioId, { from: day, to: day })).body.toString('utf8');
    expect(csv).toContain(view.id);
    expect(csv).not.toContain('139****5678');
    // a later step does not trip over the deleted item, and forgets the phone for good
    await rateSubmission(deps, resident, view.id, { rating: 'satisfied' });
    expect((await f.deps.submissions.get(view.id))?.hasContact).toBeUndefined();
  }, 60_000);

  it('keeps a home visit’s address and phone through the stand’s day and 180 days more, apart from the booking', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const venueId = ulid();
    await f.deps.stands.putVenue({ id: venueId, studioId: f.seed.studioId, name: '上门服务', address: '洛社镇', rules: [] });
    const service = { ...f.todayStand.services[0], name: '家电上门维修', homeVisit: true, keepsHealthReadings: false };
    const stand: Stand = { ...f.todayStand, id: ulid(), venueId, venueName: '上门服务', services: [service] };
    const slot: Slot = { standId: stand.id, serviceId: service.id, startTime: '10:00', endTime: '11:00', capacity: 1, booked: 0 };
    await f.deps.stands.createStandWithSlots(stand, [slot]);

    const booking = await bookSlot(f.deps, resident, { standId: stand.id, serviceId: service.id, startTime: '10:00', requestId: ulid(), address: '洛社镇前进村 3 组 12 号', phone: '13800001111', phoneConsent: true });
    const entry = (await f.deps.bookings.getEntry(stand.id, booking.id))!;
    const keptUntil = chinaInstant(addDays(stand.date, 181), '00:00');
    expect(entry.contactKeptUntil).toBe(keptUntil);
    // the booking item holds neither; the contact item holds both, with its TTL
    expect(entry.homeAddress).toBeUndefined();
    expect(entry.phone).toBeUndefined();
    expect(await storedItem(f.tableName, `STAND#${stand.id}`, `CONTACT#${booking.id}`)).toMatchObject({ homeAddress: '洛社镇前进村 3 组 12 号', phone: '13800001111', ttl: Date.parse(keptUntil) / 1000 });

    expect(await f.deps.bookings.contactOf(entry, f.now)).toEqual({ homeAddress: '洛社镇前进村 3 组 12 号', phone: '13800001111' });
    expect(await f.deps.bookings.contactOf(entry, new Date(Date.parse(keptUntil) - 1000))).toEqual({ homeAddress: '洛社镇前进村 3 组 12 号', phone: '13800001111' });
    expect(await f.deps.bookings.contactOf(entry, new Date(keptUntil))).toBeUndefined();
    // the stand's lists are unaffected by the contact item beside its entries
    expect((await f.deps.bookings.listEntriesOfStand(stand.id)).map((e) => e.id)).toEqual([booking.id]);
  }, 60_000);
});
