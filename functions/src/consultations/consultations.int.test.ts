import { ulid } from 'ulid';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { consultationsPage, consultationView } from '@shared/schemas/consultations';
import { chinaDate, addDays } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { submit, getMySubmission } from '../submissions/submissions.use-case';
import { acceptSubmission } from '../submissions/submission-desk.use-case';
import { secondSubmission } from '../submissions/seconds.use-case';
import { expandNoticeRequest } from '../notices/notice-delivery.use-case';
import type { NoticeRequest } from '../notices/notice-queue.repository';
import { documentClient, entityOf } from '../data/dynamodb-client';
import { testDynamoEndpoint } from '../../../test/support/tables';
import { myDataOf } from '../privacy/my-data.use-case';
import { deleteMyAccount } from '../privacy/delete-account.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import {
  cancelConsultation,
  createConsultation,
  getConsultation,
  listConsultationInvitees,
  listConsultations,
  listMyConsultationSignUps,
  listPublicConsultations,
  publishConsultationResult,
  recordConsultation,
  signUpForConsultation,
  withdrawConsultationSignUp,
} from './consultations.use-case';

// 议事协商 against DynamoDB Local: a representative calls residents and units together on the matters they raised;
// the residents who raised or seconded them are invited, sign up once, and the decision and its result go on the board.
describe('协商 / 议事会 (DynamoDB Local)', () => {
  async function studioWithMatters() {
    const f = await bookingFixture(new Date());
    const [author, neighbour, seconder, stranger] = await f.newResidents(4);
    const studioId = f.seed.studioId;
    const parking = await submit(f.deps, author!, { requestId: ulid(), studioId, category: '道路交通', text: '小区晚上停车太难，车停到消防通道上了，电话 13800138000', public: true });
    const noise = await submit(f.deps, neighbour!, { requestId: ulid(), studioId, category: '环境卫生', text: '广场舞音响太吵，晚上九点以后还在放', public: false });
    const rep = f.principalOf('rep1');
    await acceptSubmission(f.deps, rep, parking.id, { triage: 'minor' });
    await secondSubmission(f.deps, seconder!, parking.id);
    const today = chinaDate(f.now);
    const open = (extra: { capacity?: number; date?: string } = {}) =>
      createConsultation(f.deps, rep, studioId, { requestId: ulid(), topic: '小区停车和广场舞噪音', date: extra.date ?? today, time: '19:00', place: '社区议事厅', agenda: ['听取居民意见', '物业说明车位情况'], submissionIds: [parking.id, noise.id], invitedUnits: '城管办、物业', ...(extra.capacity ? { capacity: extra.capacity } : {}) });
    return { f, studioId, rep, author: author!, neighbour: neighbour!, seconder: seconder!, stranger: stranger!, parking, noise, open, today };
  }

  it('opens a 协商 on two matters: invites who raised and who seconded them and the representatives, tells them, and shows it on each timeline', async () => {
    const { f, studioId, rep, author, neighbour, seconder, parking, noise, open } = await studioWithMatters();
    const c = consultationView.parse(await open());
    expect(c).toMatchObject({ status: 'planned', statusLabel: '待召开', signedUp: 0, invitedUnits: '城管办、物业' });
    // the board's copy of the words is masked; a private matter shows only its category
    expect(c.submissions).toEqual([
      { id: parking.id, category: '道路交通', text: expect.stringContaining('138****8000') },
      { id: noise.id, category: '环境卫生', text: '（居民未公开原文）' },
    ]);

    const invitees = await listConsultationInvitees(f.deps, rep, studioId, c.id);
    expect(invitees.residents).toEqual(
      expect.arrayContaining([
        { userId: author.userId, name: expect.any(String), why: 'raised' },
        { userId: neighbour.userId, name: expect.any(String), why: 'raised' },
        { userId: seconder.userId, name: expect.any(String), why: 'seconded' },
      ]),
    );
    expect(invitees.residents).toHaveLength(3);
    expect(invitees.representatives.map((r) => r.userId)).toContain(rep.userId);
    expect(invitees.units).toBe('城管办、物业');

    // the request wrote one fan-out; the consumer expands it to every invitee but the representative who opened it
    const requestId = `${c.id}.consultation_invite`;
    const client = documentClient({ region: 'local', endpoint: testDynamoEndpoint() });
    const stored = await client.send(new GetCommand({ TableName: f.tableName, Key: { PK: `NOTICE_REQUEST#${requestId}`, SK: 'REQUEST' } }));
    const request = entityOf<NoticeRequest>(stored.Item!);
    expect(request.notice).toMatchObject({ kind: 'consultation_invite', data: { topic: '小区停车和广场舞噪音', place: '社区议事厅' } });
    const counts = await expandNoticeRequest(f.deps, request);
    expect(counts.queued).toBeGreaterThanOrEqual(3);
    for (const who of [author, neighbour, seconder]) expect(await f.deps.noticeQueue.get(`${requestId}.${who.userId}`)).toMatchObject({ kind: 'consultation_invite', userId: who.userId });
    expect(await f.deps.noticeQueue.get(`${requestId}.${rep.userId}`)).toBeUndefined();

    const timeline = (await getMySubmission(f.deps, author, parking.id)).timeline;
    expect(timeline.at(-1)).toMatchObject({ kind: '议事协商', text: expect.stringContaining('将召开议事协商：「小区停车和广场舞噪音」') });
  }, 60_000);

  it('takes a resident once however often they tap at once, keeps to its capacity, lets them withdraw, and lists their sign-ups', async () => {
    const { f, studioId, author, neighbour, seconder, stranger, open } = await studioWithMatters();
    const c = await open({ capacity: 2 });
    const taps = await Promise.allSettled(Array.from({ length: 5 }, () => signUpForConsultation(f.deps, author, studioId, c.id)));
    expect(taps.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    expect((await getConsultation(f.deps, author, studioId, c.id)).signedUp).toBe(1);
    expect(await failureOf(signUpForConsultation(f.deps, author, studioId, c.id))).toMatchObject({ code: 'CONFLICT', message: '您已经报名了' });

    // three others race for the one seat left
    const race = await Promise.allSettled([neighbour, seconder, stranger].map((who) => signUpForConsultation(f.deps, who, studioId, c.id)));
    expect(race.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    expect((await getConsultation(f.deps, author, studioId, c.id)).signedUp).toBe(2);

    const mine = consultationsPage.parse(await listMyConsultationSignUps(f.deps, author));
    expect(mine.items).toEqual([expect.objectContaining({ id: c.id, signedUpByMe: true })]);
    expect(await withdrawConsultationSignUp(f.deps, author, studioId, c.id)).toEqual({ consultationId: c.id, signedUp: false, count: 1 });
    expect(await failureOf(withdrawConsultationSignUp(f.deps, author, studioId, c.id))).toMatchObject({ code: 'CONFLICT' });
    expect((await getConsultation(f.deps, author, studioId, c.id)).signedUpByMe).toBe(false);
    expect((await listMyConsultationSignUps(f.deps, author)).items).toEqual([]);
  }, 60_000);

  it('counts a sign-up as the resident\'s data: in 我的数据, and gone (the seat freed) when the account is deleted', async () => {
    const { f, studioId, author, open } = await studioWithMatters();
    const c = await open();
    await signUpForConsultation(f.deps, author, studioId, c.id);
    expect((await myDataOf(f.deps, author)).consultationSignUps).toEqual([{ consultationId: c.id, studioId, name: expect.any(String), at: expect.any(String) }]);
    await deleteMyAccount(f.deps, author);
    expect(await f.deps.consultations.listSignUpsOfPerson(author.userId)).toEqual([]);
    expect((await getConsultation(f.deps, f.principalOf('rep1'), studioId, c.id)).signedUp).toBe(0);
  }, 60_000);

  it('records the meeting and publishes the decision, then the result, on the board and on each timeline; minutes only for the studio', async () => {
    const { f, studioId, rep, author, parking, open } = await studioWithMatters();
    const c = await open();
    await signUpForConsultation(f.deps, author, studioId, c.id);
    const held = await recordConsultation(f.deps, rep, studioId, c.id, { attendance: 23, attendeeNames: '居民代表、物业、城管办', minutes: '居民反映夜间停车难，物业同意开放地面临时车位。', decision: '晚 8 点后开放广场东侧临时车位，联系人 13900139000' });
    expect(held).toMatchObject({ status: 'held', attendance: 23, decision: expect.stringContaining('139****9000') });
    // once held, nobody can sign up or cancel it
    expect(await failureOf(signUpForConsultation(f.deps, f.principalOf('resident2'), studioId, c.id))).toMatchObject({ code: 'CONFLICT' });

    const board = consultationsPage.parse(await listPublicConsultations(f.deps, studioId, {}));
    const shown = board.items.find((i) => i.id === c.id)!;
    expect(shown).toMatchObject({ status: 'held', decision: expect.stringContaining('临时车位'), submissions: [expect.objectContaining({ id: parking.id }), expect.objectContaining({ category: '环境卫生' })] });
    expect(shown.minutes).toBeUndefined();
    expect((await getConsultation(f.deps, author, studioId, c.id)).minutes).toBeUndefined();
    expect((await getConsultation(f.deps, rep, studioId, c.id)).minutes).toContain('临时车位');

    const done = await publishConsultationResult(f.deps, rep, studioId, c.id, { result: '已划线 40 个临时车位，消防通道已畅通' });
    expect(done).toMatchObject({ status: 'result_published', statusLabel: '结果已公示', result: '已划线 40 个临时车位，消防通道已畅通' });
    expect((await listPublicConsultations(f.deps, studioId, {})).items.find((i) => i.id === c.id)).toMatchObject({ result: expect.stringContaining('40 个') });
    const timeline = (await getMySubmission(f.deps, author, parking.id)).timeline.map((e) => e.text ?? '');
    expect(timeline.some((t) => t.startsWith('已召开议事协商：「小区停车和广场舞噪音」，协商决定：'))).toBe(true);
    expect(timeline.some((t) => t.includes('落实结果：已划线 40 个临时车位'))).toBe(true);
  }, 60_000);

  it('opens one consultation for a request sent twice (its answer lost), and refuses the key with another body', async () => {
    const { f, studioId, rep, parking, today } = await studioWithMatters();
    const body = { requestId: ulid(), topic: '小区停车协商', date: today, time: '19:00', place: '议事厅', agenda: ['讨论'], submissionIds: [parking.id] };
    const [first, again] = await Promise.all([createConsultation(f.deps, rep, studioId, body), createConsultation(f.deps, rep, studioId, body)]);
    expect(again.id).toBe(first.id);
    expect((await listConsultations(f.deps, rep, studioId, {})).items.map((i) => i.id)).toEqual([first.id]);
    expect(await failureOf(createConsultation(f.deps, rep, studioId, { ...body, topic: '另一个议题协商' }))).toMatchObject({ code: 'CONFLICT' });
  }, 60_000);

  it('refuses illegal steps with 409 and changes nothing', async () => {
    const { f, studioId, rep, open, today } = await studioWithMatters();
    const c = await open();
    // a result before a decision
    expect(await failureOf(publishConsultationResult(f.deps, rep, studioId, c.id, { result: '已经办好了' }))).toMatchObject({ code: 'CONFLICT' });
    expect(await getConsultation(f.deps, rep, studioId, c.id)).toMatchObject({ status: 'planned' });
    // a meeting not yet held cannot be recorded
    const later = await open({ date: addDays(today, 3) });
    expect(await failureOf(recordConsultation(f.deps, rep, studioId, later.id, { attendance: 5, minutes: '还没有开会，先写的纪要内容', decision: '先这样决定吧' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('日期未到') });
    // cancelled: no record, no second cancel, off the public board, kept in the representatives' list
    await cancelConsultation(f.deps, rep, studioId, c.id, { reason: '下雨改期' });
    const before = await getConsultation(f.deps, rep, studioId, c.id);
    expect(await failureOf(recordConsultation(f.deps, rep, studioId, c.id, { attendance: 5, minutes: '开会了，大家都发了言', decision: '同意开放车位' }))).toMatchObject({ code: 'CONFLICT' });
    expect(await failureOf(cancelConsultation(f.deps, rep, studioId, c.id, { reason: '再取消一次' }))).toMatchObject({ code: 'CONFLICT' });
    expect(await getConsultation(f.deps, rep, studioId, c.id)).toEqual(before);
    expect((await listPublicConsultations(f.deps, studioId, {})).items.map((i) => i.id)).toEqual([later.id]);
    // the representatives' list: upcoming first, then the cancelled
    expect((await listConsultations(f.deps, rep, studioId, {})).items.map((i) => i.id)).toEqual([later.id, c.id]);
    // two representatives recording at once: one wins, the other is told
    const race = await open();
    const body = { attendance: 9, minutes: '大家讨论了停车问题，意见一致', decision: '开放临时车位' };
    const results = await Promise.allSettled([recordConsultation(f.deps, rep, studioId, race.id, body), recordConsultation(f.deps, f.principalOf('rep2'), studioId, race.id, body)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  }, 60_000);

  it('keeps to its studio: residents and staff cannot open or record one, another studio sees nothing, bad input is refused naming the field', async () => {
    const { f, studioId, rep, author, parking, open } = await studioWithMatters();
    const c = await open();
    const body = { requestId: ulid(), topic: '停车问题协商', date: chinaDate(f.now), time: '19:00', place: '议事厅', agenda: ['讨论'], submissionIds: [parking.id] };
    expect(await failureOf(createConsultation(f.deps, author, studioId, body))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(createConsultation(f.deps, f.principalOf('staff1'), studioId, body))).toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere: Principal = { userId: rep.userId, role: 'representative', studioId: ulid() };
    expect(await failureOf(recordConsultation(f.deps, elsewhere, studioId, c.id, { attendance: 3, minutes: '别的工作室来记录的', decision: '不算数的决定' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(getConsultation(f.deps, elsewhere, elsewhere.studioId!, c.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(createConsultation(f.deps, elsewhere, studioId, body))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(createConsultation(f.deps, rep, studioId, { ...body, submissionIds: [ulid()] }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { submissionIds: expect.any(String) } });
    expect(await failureOf(createConsultation(f.deps, rep, studioId, { ...body, date: addDays(chinaDate(f.now), -1) }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { date: expect.any(String) } });
    expect(await getConsultation(f.deps, rep, studioId, c.id)).toMatchObject({ status: 'planned' });
  }, 60_000);
});
