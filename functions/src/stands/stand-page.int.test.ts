import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { venueScene } from '@shared/scene';
import { addDays, chinaDate, chinaInstant } from '@shared/time';
import { lunarDayOf, nextMarketDays } from '@shared/schedule';
import { standPageResponse } from '@shared/schemas/stand';
import { StandRepository } from './stand.repository';
import { getStandByScene } from './stand-page.use-case';
import { seededTable, testDynamoEndpoint, testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';

// What a resident sees after scanning a venue's code, read from DynamoDB Local.
describe('stand page (DynamoDB Local)', () => {
  it('shows today’s stand with its studio, place, services and slots, the ones already over marked past', async () => {
    const morning = new Date(chinaInstant(chinaDate(new Date()), '09:10'));
    const { deps, tableName, seed } = await seededTable({ now: () => morning });
    const page = await getStandByScene(deps, seed.scene);
    expect(page.studio.name).toBe('洛社镇党代表工作室');
    expect(page.venue.name).toBe('洛社农贸集市');
    expect(page.stand).toMatchObject({ date: chinaDate(morning), isToday: true, status: 'scheduled', startTime: '08:00', endTime: '11:30' });
    expect(page.endedToday).toBeUndefined();
    expect(page.services.map((s) => s.name)).toEqual(['量血压', '磨剪刀', '修鞋', '家电维修', '义诊']);
    const bp = page.services[0];
    expect(bp.slots).toHaveLength(7);
    expect(bp.slots[0]).toMatchObject({ startTime: '08:00', endTime: '08:30', capacity: 4, booked: 0, left: 4, past: true });
    expect(bp.slots.map((slot) => slot.past)).toEqual([true, true, false, false, false, false, false]);
    // through the API, the answer has the contract's shape
    const res = await invoke(loadHandlers(testEnv(tableName)).getStandByScene, 'getStandByScene', { params: { scene: seed.scene } });
    expect(res.status).toBe(200);
    standPageResponse.parse(res.body);
  });

  it('opens the next market day once today’s is over, saying when today’s ended', async () => {
    const evening = new Date(chinaInstant(chinaDate(new Date()), '22:00'));
    const { deps, seed } = await seededTable({ now: () => evening });
    const page = await getStandByScene(deps, seed.scene);
    expect(page.endedToday).toEqual({ date: chinaDate(evening), endTime: '11:30' });
    expect(page.stand.isToday).toBe(false);
    expect(page.stand.date > chinaDate(evening)).toBe(true);
    expect(page.services[0].slots.every((slot) => !slot.past)).toBe(true);
  });

  it('accepts the scene URI-encoded once or twice, as WeChat and browsers hand it over', async () => {
    const { tableName, seed } = await seededTable();
    const api = loadHandlers(testEnv(tableName));
    for (const scene of [encodeURIComponent(seed.scene), encodeURIComponent(encodeURIComponent(seed.scene))]) {
      const res = await invoke(api.getStandByScene, 'getStandByScene', { params: { scene } });
      expect(res.status).toBe(200);
    }
  });

  it('answers 404 with a resident-friendly message for a foreign code or a venue with no stands', async () => {
    const { tableName } = await seededTable();
    const api = loadHandlers(testEnv(tableName));
    const foreign = await invoke(api.getStandByScene, 'getStandByScene', { params: { scene: 'hello' } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe('无法识别这个二维码，请扫描服务点张贴的二维码');
    const empty = await invoke(api.getStandByScene, 'getStandByScene', { params: { scene: venueScene('01JAAAAAAAAAAAAAAAAAAAAAAA') } });
    expect(empty.status).toBe(404);
    expect(empty.body.error.message).toBe('这个地点近期没有服务安排');
  });

  it('shows the next market day (lunar 逢三六九), with its date, on a day without a stand', async () => {
    const { deps, seed } = await seededTable();
    const venue = (await deps.stands.getVenue(seed.venueId))!;
    const tomorrow = addDays(chinaDate(new Date()), 1);
    const [next] = nextMarketDays(venue.rules, tomorrow, 1);
    const dayBefore = addDays(next.date, -1) >= tomorrow ? addDays(next.date, -1) : tomorrow;
    const page = await getStandByScene({ ...deps, now: () => new Date(chinaInstant(dayBefore, '12:00')) }, seed.scene);
    expect(page.stand.date).toBe(next.date);
    expect(lunarDayOf(page.stand.date).day % 10 % 3).toBe(0); // 3, 6, 9, 13, 16, 19, 23, 26, 29
    expect(page.stand.isToday).toBe(page.stand.date === dayBefore);
  });

  it('loads with exactly two DynamoDB requests', async () => {
    const { deps, seed, tableName } = await seededTable();
    let requests = 0;
    const base = new DynamoDBClient({ region: 'local', endpoint: testDynamoEndpoint(), credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    base.middlewareStack.add((next) => async (args) => {
      requests += 1;
      return next(args);
    }, { step: 'initialize', name: 'countRequests' });
    const stands = new StandRepository({ client: DynamoDBDocumentClient.from(base), tableName });
    await getStandByScene({ ...deps, stands }, seed.scene);
    expect(requests).toBe(2);
    base.destroy();
  });

  it('seeds people once and stands per day, however often it runs', async () => {
    const { deps, seed } = await seededTable();
    const again = await (await import('../local/demo-seed')).seedDemoData(deps);
    expect(again.createdPeople).toBe(false);
    expect(again.createdStands).toEqual([]);
    expect(again.venueId).toBe(seed.venueId);
    // the eight people; 城管办's liaison with the four departments (部门与联络员); the 网格员 of 人民路网格; 洛社镇's
    // 镇街管理员 and a representative of both its studios (towns/demo-towns.ts) and 洛社镇卫生院's liaison (units/demo-units.ts) — each once
    expect(await deps.personas.listPersonas()).toHaveLength(13);
    expect(await deps.studios.listMembersOfStudio(seed.studioId)).toHaveLength(8);
    expect((await deps.departments.listOfStudio(seed.studioId)).map((d) => d.name).sort()).toEqual(['卫生院', '城管办', '派出所', '环卫所'].sort());
    // the studios are in the studio directory (the overdue count's), once each, however often the seed runs: the demo
    // studio and 洛社镇's second one
    const town = (await deps.towns.findTownByName('洛社镇'))!;
    const inTown = (await deps.towns.listStudios(town.id)).map((s) => s.studioId);
    expect(inTown).toContain(seed.studioId);
    expect((await deps.studios.listStudioIds()).sort()).toEqual(inTown.sort());
  });
});
