import { ulid } from 'ulid';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { coordinationView } from '@shared/schemas/coordination';
import { addDays, chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { documentClient, entityOf } from '../data/dynamodb-client';
import { expandNoticeRequest } from '../notices/notice-delivery.use-case';
import type { NoticeRequest } from '../notices/notice-queue.repository';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { testDynamoEndpoint } from '../../../test/support/tables';
import { cancelCoordination, createCoordination, getCoordination, listCoordinations, publishCoordinationResult, recordCoordination } from './coordination.use-case';

// 协调会 (DynamoDB Local): 洛社镇's admin calls the units' monthly meeting; 周丽萍 (卫生院's liaison) and the invited
// studio's admin are told through one fan-out and read it; the admin records attendance per unit, the decision and
// the result; another town's admin or liaison, a resident, an admin of a studio not invited learn nothing.
async function setUp() {
  const f = await bookingFixture();
  const town = (await f.deps.towns.findTownByName('洛社镇'))!;
  const persona = async (key: string) => (await f.deps.personas.getPersona(key))!.userId;
  const admin: Principal = { userId: await persona('townadmin'), role: 'town_admin', townId: town.id };
  const units = await f.deps.units.listOfTown(town.id);
  const hospital = units.find((u) => u.name === '洛社镇卫生院')!;
  const zhou: Principal = { userId: await persona('unitliaison'), role: 'unit_liaison', townId: town.id, departmentId: hospital.id };
  const studioAdmin = f.principalOf('admin');
  const today = chinaDate(f.now);
  const body = { requestId: ulid(), topic: '十一月成员单位联席会', date: today, time: '14:30', place: '镇党群服务中心三楼会议室', agenda: ['通报本月双向服务项目', '研究冬季义诊安排'] };
  return { f, town, admin, units, hospital, zhou, studioAdmin, today, body };
}

describe('协调会: the town-level 协商 of the member units (DynamoDB Local)', () => {
  it('invites every active unit by default, tells their liaisons and the invited studio’s admin, and goes planned → held → result published', async () => {
    const { f, town, admin, units, hospital, zhou, studioAdmin, body } = await setUp();
    const c = await createCoordination(f.deps, admin, town.id, { ...body, studioIds: [f.seed.studioId] });
    expect(coordinationView.parse(c)).toEqual(c);
    expect(c).toMatchObject({ townName: '洛社镇', status: 'planned', statusLabel: '待召开', studios: [{ id: f.seed.studioId, name: expect.any(String) }] });
    expect(c.units.map((u) => u.name)).toEqual(units.filter((u) => u.active).map((u) => u.name));
    // the same request again answers the same meeting
    expect((await createCoordination(f.deps, admin, town.id, { ...body, studioIds: [f.seed.studioId] })).id).toBe(c.id);

    const requestId = `${c.id}.consultation_invite`;
    const client = documentClient({ region: 'local', endpoint: testDynamoEndpoint() });
    const stored = await client.send(new GetCommand({ TableName: f.tableName, Key: { PK: `NOTICE_REQUEST#${requestId}`, SK: 'REQUEST' } }));
    const request = entityOf<NoticeRequest>(stored.Item!);
    expect(request.audience).toEqual({ kind: 'coordination_invitees', coordinationId: c.id, except: admin.userId });
    await expandNoticeRequest(f.deps, request);
    expect(await f.deps.noticeQueue.get(`${requestId}.${zhou.userId}`)).toMatchObject({ kind: 'consultation_invite', userId: zhou.userId, page: `packageTown/pages/coordination/index?townId=${town.id}&id=${c.id}`, data: { topic: body.topic, studio: '洛社镇' } });
    expect(await f.deps.noticeQueue.get(`${requestId}.${studioAdmin.userId}`)).toMatchObject({ kind: 'consultation_invite' });
    expect(await f.deps.noticeQueue.get(`${requestId}.${admin.userId}`)).toBeUndefined();

    // the liaison's list and the invited admin's view
    expect((await listCoordinations(f.deps, zhou, town.id)).items.map((i) => i.id)).toContain(c.id);
    expect(await getCoordination(f.deps, studioAdmin, town.id, c.id)).toMatchObject({ id: c.id, topic: body.topic });

    // attendance per unit: only the invited ones
    expect(await failureOf(recordCoordination(f.deps, admin, town.id, c.id, { presentUnitIds: [ulid()], minutes: '各单位通报了本月的服务项目。', decision: '十二月起每月两次义诊' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { presentUnitIds: '只能勾选受邀的成员单位' } });
    const held = await recordCoordination(f.deps, admin, town.id, c.id, { presentUnitIds: [hospital.id], minutes: '各单位通报了本月的服务项目。', decision: '十二月起每月两次义诊' });
    expect(held).toMatchObject({ status: 'held', decision: '十二月起每月两次义诊', minutes: '各单位通报了本月的服务项目。' });
    expect(held.units.filter((u) => u.present).map((u) => u.id)).toEqual([hospital.id]);
    expect(held.units.filter((u) => u.present === false)).toHaveLength(held.units.length - 1);
    expect(await failureOf(cancelCoordination(f.deps, admin, town.id, c.id, { reason: '改期' }))).toMatchObject({ code: 'CONFLICT', message: '只有待召开的协调会可以取消' });
    const done = await publishCoordinationResult(f.deps, admin, town.id, c.id, { result: '十二月已开展两次义诊，服务 86 人' });
    expect(done).toMatchObject({ status: 'result_published', result: '十二月已开展两次义诊，服务 86 人' });
    expect(await getCoordination(f.deps, zhou, town.id, c.id)).toMatchObject({ status: 'result_published' });
  }, 60_000);

  it('refuses a meeting not yet held to be recorded, a unit not of the town, a date passed; cancels a planned one', async () => {
    const { f, town, admin, today, body } = await setUp();
    const later = await createCoordination(f.deps, admin, town.id, { ...body, date: addDays(today, 7) });
    expect(await failureOf(recordCoordination(f.deps, admin, town.id, later.id, { presentUnitIds: [], minutes: '各单位通报了本月的服务项目。', decision: '下月继续' }))).toMatchObject({ code: 'CONFLICT', message: '协调会还没有召开（日期未到），不能记录' });
    expect(await failureOf(createCoordination(f.deps, admin, town.id, { ...body, requestId: ulid(), unitIds: [ulid()] }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { unitIds: '所选的成员单位不属于本镇街或已停用' } });
    expect(await failureOf(createCoordination(f.deps, admin, town.id, { ...body, requestId: ulid(), studioIds: [ulid()] }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { studioIds: '所选的工作室不属于本镇街' } });
    expect(await failureOf(createCoordination(f.deps, admin, town.id, { ...body, requestId: ulid(), date: addDays(today, -1) }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { date: '会议日期不能早于今天' } });
    const cancelled = await cancelCoordination(f.deps, admin, town.id, later.id, { reason: '与区里会议冲突，改期' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '与区里会议冲突，改期' });
    const list = (await listCoordinations(f.deps, admin, town.id)).items;
    expect(list.find((i) => i.id === later.id)).toMatchObject({ status: 'cancelled' });
  }, 60_000);

  it('keeps another town’s admin and liaison, residents and an admin of a studio not invited out: they learn nothing', async () => {
    const { f, town, admin, hospital, body } = await setUp();
    const c = await createCoordination(f.deps, admin, town.id, body);
    const otherTown = ulid();
    const strangers: Principal[] = [
      { userId: ulid(), role: 'town_admin', townId: otherTown },
      { userId: ulid(), role: 'unit_liaison', townId: otherTown, departmentId: hospital.id },
      { userId: ulid(), role: 'resident' },
      f.principalOf('admin'),
      f.principalOf('rep1'),
    ];
    const before = await f.deps.coordinations.get(c.id);
    for (const p of strangers) {
      expect(await failureOf(getCoordination(f.deps, p, town.id, c.id))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failureOf(recordCoordination(f.deps, p, town.id, c.id, { presentUnitIds: [], minutes: '各单位通报了本月的服务项目。', decision: '下月继续' }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failureOf(cancelCoordination(f.deps, p, town.id, c.id, { reason: '改期了' }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failureOf(createCoordination(f.deps, p, town.id, { ...body, requestId: ulid() }))).toMatchObject({ code: 'NOT_FOUND' });
    }
    for (const p of strangers.filter((s) => s.role !== 'admin' && s.role !== 'representative')) expect(await failureOf(listCoordinations(f.deps, p, town.id))).toMatchObject({ code: 'NOT_FOUND' });
    // the other town's admin, in their own town's path, does not reach this town's meeting either
    expect(await failureOf(getCoordination(f.deps, strangers[0]!, otherTown, c.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await f.deps.coordinations.get(c.id)).toEqual(before);
  }, 60_000);
});
