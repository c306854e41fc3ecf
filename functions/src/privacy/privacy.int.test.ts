import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { myDataExport } from '@shared/schemas/privacy';
import { chinaDate } from '@shared/time';
import { LocalWechatLogin } from '../adapters/wechat/code2session';
import type { Principal } from '../auth/session-tokens';
import { documentClient } from '../data/dynamodb-client';
import { bookSlot } from '../stands/bookings.use-case';
import { checkIn } from '../stands/stand-desk.use-case';
import type { Slot, Stand } from '../stands/stand.repository';
import { createPhotoUpload } from '../submissions/photos.use-case';
import { submit } from '../submissions/submissions.use-case';
import { acceptSubmission, getBoard, getInbox, getStudioSubmission, rateSubmission, replyToSubmission, resolveSubmission } from '../submissions/submission-desk.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { postToStorage, TINY_PNG } from '../../../test/support/photos';
import { testDynamoEndpoint, testEnv } from '../../../test/support/tables';
import { drainNotices } from '../../../test/support/notice-stream';
import { DELETED_TEXT, deleteMyAccount } from './delete-account.use-case';

type Fixture = Awaited<ReturnType<typeof bookingFixture>>;

/** Everything stored under a partition key, read straight from the table (what a deletion must leave empty). */
async function itemsUnder(tableName: string, pk: string): Promise<Record<string, unknown>[]> {
  const client = documentClient({ region: 'local', endpoint: testDynamoEndpoint() });
  return (await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }))).Items ?? [];
}

/** A resident signed in through WeChat (the local adapter: one code, one openid), with a token the API accepts. */
async function wechatResident(api: ReturnType<typeof loadHandlers>, code: string): Promise<{ token: string; principal: Principal }> {
  const session = (await invoke(api.signInWithWechat, 'signInWithWechat', { body: { code } })).body;
  return { token: session.token, principal: { userId: session.user.id, role: 'resident' } };
}

/** A stand on the fixture's day whose one service is a home visit (家电上门维修), one slot of `capacity`. */
async function homeVisitStand(f: Fixture, capacity: number): Promise<{ stand: Stand; slot: Slot }> {
  const venueId = ulid();
  await f.deps.stands.putVenue({ id: venueId, studioId: f.seed.studioId, name: '上门服务', address: '洛社镇', rules: [] });
  const service = { ...f.todayStand.services[0], name: '家电上门维修', homeVisit: true, keepsHealthReadings: false };
  const stand: Stand = { ...f.todayStand, id: ulid(), venueId, venueName: '上门服务', services: [service] };
  const slot: Slot = { standId: stand.id, serviceId: service.id, startTime: '10:00', endTime: '11:00', capacity, booked: 0 };
  await f.deps.stands.createStandWithSlots(stand, [slot]);
  return { stand, slot };
}

/** A reading kept with the resident's consent (what the stand's staff record), straight into the repository. */
async function keptReading(f: Fixture, resident: Principal) {
  await f.deps.readings.putConsent(resident.userId, { consent: true, updatedAt: f.now.toISOString() });
  const measuredAt = f.now.toISOString();
  await f.deps.readings.putReading({
    id: ulid(), userId: resident.userId, systolic: 138, diastolic: 86, pulse: 74, measuredAt, expiresAt: new Date(f.now.getTime() + 365 * 86_400_000).toISOString(),
    standId: f.todayStand.id, entryId: ulid(), venueName: f.todayStand.venueName, serviceName: '量血压', recordedBy: f.principalOf('staff1').userId,
  });
}

const suggestion = (studioId: string) => ({ studioId, category: '环境卫生', text: '菜场东门的垃圾桶满了好几天，我家就在边上，电话13912345678', place: '洛社菜场东门', public: true });

// 我的数据 (PIPL arts. 45 and 47) against DynamoDB Local and the local S3: a copy of everything, and deleting the account.
describe('the resident’s own data (DynamoDB Local)', () => {
  it('exports everything kept about a resident as a JSON file — timelines, bookings with a home visit’s contact, readings, messages, follows — and nothing of the studio’s inside', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const { token, principal: me } = await wechatResident(api, `wx-${ulid()}`);
    const rep = f.principalOf('rep1');

    const mine = await submit(f.deps, me, { ...suggestion(f.seed.studioId), phone: '13912345678', phoneConsent: true, requestId: ulid() });
    await acceptSubmission(f.deps, rep, mine.id, { triage: 'minor', note: '内部备注：请环卫所老周处理' });
    await replyToSubmission(f.deps, rep, mine.id, { text: '已安排环卫所清运，并增加一个垃圾桶。', public: true });
    const { stand, slot } = await homeVisitStand(f, 2);
    const visit = await bookSlot(f.deps, me, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid(), address: '洛社镇前进村 3 组 12 号', phone: '13800001111', phoneConsent: true });
    await keptReading(f, me);
    await f.deps.notifications.follow(f.seed.studioId, me.userId, f.now.toISOString());
    // someone else's submission is not in the file
    const [other] = await f.newResidents(1);
    await submit(f.deps, other, { ...suggestion(f.seed.studioId), text: '另一位居民：路灯坏了好几盏', requestId: ulid() });
    await drainNotices(f); // the accept and reply notices, delivered by the notice consumer

    const summary = await invoke(api.getMyDataSummary, 'getMyDataSummary', { token });
    expect(summary.body).toEqual({ submissions: 1, bookings: 1, upcomingBookings: 1, readings: 1, notifications: 2, follows: 1, coinAccounts: 0, contactRetentionDays: 180, healthReadingRetentionDays: 365, canDeleteAccount: true });

    const file = await invoke(api.exportMyData, 'exportMyData', { token });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`我的数据_${chinaDate(new Date())}.json`)}`);
    const text = Buffer.from(file.body as string, 'base64').toString('utf8');
    const data = myDataExport.strict().parse(JSON.parse(text));

    expect(data.account).toMatchObject({ id: me.userId, role: 'resident', displayName: '微信用户', linkedToWechat: true });
    expect(data.submissions).toHaveLength(1);
    expect(data.submissions[0]).toMatchObject({ id: mine.id, text: suggestion('').text, phone: '13912345678', photoCount: 0, status: 'replied' });
    expect(data.submissions[0].timeline.map((t) => t.kind)).toEqual(['已提交', '已受理', '已答复']);
    expect(data.bookings).toEqual([expect.objectContaining({ id: visit.id, serviceName: '家电上门维修', homeAddress: '洛社镇前进村 3 组 12 号', phone: '13800001111', status: 'booked' })]);
    expect(data.healthReadings.consent).toMatchObject({ consent: true, retentionDays: 365 });
    expect(data.healthReadings.readings.map((r) => [r.systolic, r.diastolic, r.pulse])).toEqual([[138, 86, 74]]);
    expect(data.notifications.map((n) => n.title)).toEqual(['您的意见有了答复', '您的意见有了新进展']);
    expect(data.follows).toEqual([{ studioId: f.seed.studioId, studioName: '洛社镇党代表工作室', since: f.now.toISOString() }]);
    expect(data.retention).toEqual({ contactDays: 180, healthReadingDays: 365 });
    // not the studio's internal notes, not another resident's words, not the openid
    expect(text).not.toContain('内部备注');
    expect(text).not.toContain('另一位居民');
    expect(text).not.toMatch(/local-[0-9a-f]{24}/);
  }, 60_000);

  it('deletes a resident: submissions stay for the studio without their author, a freed place is booked by someone else, readings, consent, messages and follows are gone, and WeChat signs in to a new, empty resident', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const code = `wx-${ulid()}`;
    const { token, principal: me } = await wechatResident(api, code);
    const { openid } = await new LocalWechatLogin().code2Session(code);
    const rep = f.principalOf('rep1');
    const [neighbour] = await f.newResidents(1);

    // a public suggestion with a phone and a photo, answered on the board
    const form = await createPhotoUpload(f.deps, me, { contentType: 'image/png', size: TINY_PNG.length });
    expect(await postToStorage(form, TINY_PNG, 'image/png')).toBe(204);
    const onBoard = await submit(f.deps, me, { ...suggestion(f.seed.studioId), photos: [form.key], phone: '13912345678', phoneConsent: true, requestId: ulid() });
    await acceptSubmission(f.deps, rep, onBoard.id, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, onBoard.id, { text: '已安排环卫所清运。', public: true });
    // a private one, resolved and rated with a comment
    const privateOne = await submit(f.deps, me, { studioId: f.seed.studioId, category: '邻里纠纷', text: '楼上邻居半夜装修，说了几次也不听', public: false, requestId: ulid() });
    await acceptSubmission(f.deps, rep, privateOne.id, { triage: 'private' });
    await replyToSubmission(f.deps, rep, privateOne.id, { text: '已请网格员上门调解。', public: false });
    await resolveSubmission(f.deps, rep, privateOne.id, { outcome: 'fixed' });
    await rateSubmission(f.deps, me, privateOne.id, { rating: 'basically_satisfied', comment: '谢谢，我住 5 栋 302' });

    // the only place of a slot tomorrow, taken: the neighbour cannot book it
    const { stand, slot } = await f.standWithSlot(1);
    const place = { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime };
    const future = await bookSlot(f.deps, me, { ...place, requestId: ulid() });
    expect(await failureOf(bookSlot(f.deps, neighbour, { ...place, requestId: ulid() }))).toMatchObject({ code: 'CONFLICT', message: '这个时段已约满' });
    // a booking already checked in at the stand: kept for the stand's records, not cancelled
    const service = f.todayStand.services[1];
    const atStand = await bookSlot(f.deps, me, { standId: f.todayStand.id, serviceId: service.id, startTime: '08:00', requestId: ulid() });
    await checkIn(f.deps, f.principalOf('staff1'), f.todayStand.id, { code: atStand.code! });

    await keptReading(f, me);
    await f.deps.notifications.follow(f.seed.studioId, me.userId, f.now.toISOString());

    const deleted = await invoke(api.deleteMyAccount, 'deleteMyAccount', { token, body: { confirm: '注销' } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: true, submissionsAnonymised: 2, bookingsCancelled: 1, readingsDeleted: 1 });

    // the freed place is someone else's now
    expect((await bookSlot(f.deps, neighbour, { ...place, requestId: ulid() })).status).toBe('booked');
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0].booked).toBe(1);
    const cancelled = (await f.deps.bookings.getEntry(stand.id, future.id))!;
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(cancelled.userId).toBeUndefined();
    expect(cancelled.residentName).toBeUndefined();
    const served = (await f.deps.bookings.getEntry(f.todayStand.id, atStand.id))!;
    expect(served).toMatchObject({ status: 'checked_in', serviceName: service.name });
    expect(served.userId).toBeUndefined();
    expect(await f.deps.bookings.listBookingsOfResident(me.userId)).toEqual([]);

    // submissions: no author, no phone, no photo; the public text masked as on the board, the private text gone
    expect(await f.deps.submissions.listOfResident(me.userId)).toEqual([]);
    const publicKept = (await f.deps.submissions.get(onBoard.id))!;
    expect(publicKept).toMatchObject({ text: '菜场东门的垃圾桶满了好几天，我家就在边上，电话139****5678', status: 'replied', publicReply: '已安排环卫所清运。' });
    expect(publicKept.anonymisedAt).toBeDefined();
    for (const gone of ['residentId', 'phone', 'hasContact', 'photos'] as const) expect(publicKept[gone]).toBeUndefined();
    expect(await f.deps.photos.inspect(form.key)).toBeUndefined();
    expect((await itemsUnder(f.tableName, `SUBMISSION#${onBoard.id}`)).map((i) => i.SK)).not.toContain('CONTACT');
    const privateKept = (await f.deps.submissions.get(privateOne.id))!;
    expect(privateKept).toMatchObject({ text: DELETED_TEXT, status: 'resolved', rating: 'basically_satisfied' });
    expect(privateKept.place).toBeUndefined();
    expect(privateKept.ratingComment).toBeUndefined();
    const timeline = await f.deps.submissions.listEvents(privateOne.id);
    expect(timeline.some((e) => e.actorId === me.userId)).toBe(false);
    expect(timeline.find((e) => e.kind === 'rated')?.text).toBe('基本满意');
    expect(JSON.stringify(timeline)).not.toContain('5 栋 302');

    // the studio's records still work: inbox, its view, the board
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'replied' })).items.map((i) => i.id)).toContain(onBoard.id);
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'resolved' })).items.map((i) => i.id)).toContain(privateOne.id);
    const studioView = await getStudioSubmission(f.deps, rep, f.seed.studioId, onBoard.id);
    expect(studioView.phone).toBeUndefined();
    expect(studioView.text).toBe(publicKept.text);
    expect((await getBoard(f.deps, f.seed.studioId)).items.find((i) => i.id === onBoard.id)?.text).toBe(publicKept.text);

    // readings, consent, messages, follows and everything else under the user: gone; WeChat no longer linked
    expect(await f.deps.readings.listReadingsOfResident(me.userId, new Date(0))).toEqual([]);
    expect(await f.deps.readings.getConsent(me.userId)).toBeUndefined();
    expect(await f.deps.notifications.listAllOfUser(me.userId)).toEqual([]);
    expect(await f.deps.notifications.listFollowers(f.seed.studioId)).not.toContain(me.userId);
    expect(await itemsUnder(f.tableName, `USER#${me.userId}`)).toEqual([]);
    expect(await f.deps.users.getUser(me.userId)).toBeUndefined();
    expect(await f.deps.users.findUserIdByOpenid(openid)).toBeUndefined();

    // the old session is over; the same WeChat signs in to a new, empty resident
    expect((await invoke(api.getMe, 'getMe', { token })).status).toBe(401);
    const again = await wechatResident(api, code);
    expect(again.principal.userId).not.toBe(me.userId);
    const fresh = await invoke(api.getMyDataSummary, 'getMyDataSummary', { token: again.token });
    expect(fresh.body).toMatchObject({ submissions: 0, bookings: 0, upcomingBookings: 0, readings: 0, notifications: 0, follows: 0 });
  }, 90_000);

  it('finishes a deletion cut short when the resident asks again, without cancelling or counting anything twice', async () => {
    const f = await bookingFixture();
    const [me, neighbour] = await f.newResidents(2);
    const { stand, slot } = await f.standWithSlot(1);
    const place = { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime };
    await bookSlot(f.deps, me, { ...place, requestId: ulid() });
    const view = await submit(f.deps, me, { ...suggestion(f.seed.studioId), public: false, requestId: ulid() });
    await keptReading(f, me);
    await f.deps.notifications.follow(f.seed.studioId, me.userId, f.now.toISOString());

    // the Lambda times out after the readings, before the messages
    const flaky = Object.create(f.deps.notifications) as typeof f.deps.notifications;
    flaky.listAllOfUser = () => Promise.reject(new Error('Task timed out'));
    await expect(deleteMyAccount({ ...f.deps, notifications: flaky }, me)).rejects.toThrow('Task timed out');
    // half done: the place is free, the submission anonymised, the readings gone — and the account still there to retry
    expect((await bookSlot(f.deps, neighbour, { ...place, requestId: ulid() })).status).toBe('booked');
    expect((await f.deps.submissions.get(view.id))?.text).toBe(DELETED_TEXT);
    expect(await f.deps.users.getUser(me.userId)).toBeDefined();

    expect(await deleteMyAccount(f.deps, me)).toEqual({ deleted: true, submissionsAnonymised: 0, bookingsCancelled: 0, readingsDeleted: 0 });
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0].booked).toBe(1);
    expect(await f.deps.notifications.listFollowers(f.seed.studioId)).not.toContain(me.userId);
    expect(await itemsUnder(f.tableName, `USER#${me.userId}`)).toEqual([]);
  }, 60_000);

  it('needs the explicit confirmation, and refuses studio people until an administrator has removed their role', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const token = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
    const resident = await token('resident');

    const missing = await invoke(api.deleteMyAccount, 'deleteMyAccount', { token: resident, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ confirm: '请确认注销账号' });
    expect((await invoke(api.deleteMyAccount, 'deleteMyAccount', { token: resident, body: { confirm: '确定' } })).body.error.fields).toEqual({ confirm: '请确认注销账号' });
    expect((await invoke(api.deleteMyAccount, 'deleteMyAccount', { token: resident, body: { confirm: '注销', keepBookings: true } })).body.error.fields).toEqual({ keepBookings: '不允许提交此字段' });
    expect((await invoke(api.deleteMyAccount, 'deleteMyAccount', {})).status).toBe(401);
    expect(await f.deps.users.getUser(f.principalOf('resident').userId)).toBeDefined();

    for (const persona of ['staff1', 'rep1', 'admin']) {
      const refused = await invoke(api.deleteMyAccount, 'deleteMyAccount', { token: await token(persona), body: { confirm: '注销' } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe('您是工作室的工作人员、党代表或管理员，不能在这里注销。请先请工作室管理员解除您的身份，再来注销。');
      expect(await f.deps.users.getUser(f.principalOf(persona).userId)).toBeDefined();
      // they can still see and export their own data
      const summary = await invoke(api.getMyDataSummary, 'getMyDataSummary', { token: await token(persona) });
      expect(summary.body.canDeleteAccount).toBe(false);
    }
  }, 60_000);
});
