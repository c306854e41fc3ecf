import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SignJWT } from 'jose';
import { ulid } from 'ulid';
import { routes, type RouteName } from '@shared/contract';
import type { Role } from '@shared/roles';
import { addDays, chinaDate } from '@shared/time';
import { MAX_PHOTO_BYTES } from '@shared/schemas/photo';
import { LOCAL_S3_CREDENTIALS } from '../../functions/src/adapters/photos/photo-store';
import { seedDemoData } from '../../functions/src/local/demo-seed';
import type { Handler } from '../../functions/src/http/router';
import { TEST_PHOTO_BUCKET } from '../support/global-setup';
import { invoke, loadHandlers } from '../support/invoke';
import { jpegOfSize, TINY_PNG } from '../support/photos';
import { isolatedContainer, TEST_SESSION_SECRET, testDynamoEndpoint, testEnv, testS3Endpoint } from '../support/tables';
import { PhotoRef } from './hostile';
import { allianceWorld } from './alliance-world';
import { startWriteWatch, TableLedger, type WriteWatch } from './table-watch';
import { DEMO_COIN_REWARDS, DEMO_COIN_RULES } from '../../functions/src/local/demo-seed';

/**
 * The world the contract fuzzer attacks: the demo seed on a fresh table (today's stand open all day, so the run
 * does not depend on the hour), every context's Lambda talking to DynamoDB Local through the write watch, the
 * callers with their tokens, a few real things to aim at (a booking, a queue entry, a reading, a submission), and
 * for each route a valid request that the fuzzer then spoils.
 */

export interface Caller {
  label: string;
  /** What the bearer header carries, if anything. */
  token?: string;
  /** The role the router should find for this token (the stored user's), or none: an anonymous caller. */
  role?: Role;
  /** Whose photo prefix a PhotoRef is made under. */
  userId: string;
}

export interface World {
  tableName: string;
  api: Record<RouteName, Handler>;
  watch: WriteWatch;
  ledger: TableLedger;
  maxBodyBytes: number;
  callers: Caller[];
  /** The callers of one route: the shared resident never ends its account; a throwaway resident does. */
  callersOf(route: RouteName): Caller[];
  refreshCallers(): Promise<void>;
  /** Real values of a path parameter for a route. */
  realParams(route: RouteName, name: string): string[];
  /** Every real id, to be used where another kind of id is expected. */
  realIds: string[];
  /** A valid body and query for each route that takes one; `requestId` is fresh per request. */
  example(route: RouteName, requestId: string): { body?: Record<string, unknown>; query?: Record<string, string> };
  /** Request ids already used by the setup (a replay with another body must be refused). */
  usedRequestIds: string[];
  /** Replaces PhotoRefs by keys of objects made now in the local S3 server. */
  materialize(value: unknown, caller: Caller): Promise<unknown>;
  close(): Promise<void>;
}

const PERSONAS = ['resident', 'resident2', 'staff1', 'rep1', 'admin', 'gridhead', 'townadmin'] as const;

async function forged(claims: Record<string, unknown>, options: { secret?: string; sub?: string; exp?: number | null }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('lianxin').setAudience('lianxin-api').setIssuedAt(now);
  if (options.sub) jwt = jwt.setSubject(options.sub);
  if (options.exp !== null) jwt = jwt.setExpirationTime(options.exp ?? now + 3600);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SESSION_SECRET));
}

export async function buildWorld(): Promise<World> {
  const { deps, tableName, config } = await isolatedContainer();
  const seed = await seedDemoData(deps, { todayHours: { startTime: '00:00', endTime: '23:59' } });
  const watch = await startWriteWatch(testDynamoEndpoint());
  try {
    return await populate(watch, deps, tableName, config.maxBodyBytes, seed);
  } catch (error) {
    await watch.close();
    throw error;
  }
}

async function populate(watch: WriteWatch, deps: Awaited<ReturnType<typeof isolatedContainer>>['deps'], tableName: string, maxBodyBytes: number, seed: Awaited<ReturnType<typeof seedDemoData>>): Promise<World> {
  const api = loadHandlers(testEnv(tableName, { DYNAMODB_ENDPOINT: watch.endpoint }));
  const call = (route: RouteName, request: Parameters<typeof invoke>[2]) => invoke(api[route], route, request);
  const must = async (route: RouteName, request: Parameters<typeof invoke>[2]) => {
    const answer = await call(route, request);
    if (answer.status >= 300) throw new Error(`setting up the fuzz world: ${route} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  /** A step that may not work at every hour (a slot already over): the fuzzer then aims at ids of nothing. */
  const attempt = async (route: RouteName, request: Parameters<typeof invoke>[2]) => {
    const answer = await call(route, request);
    return answer.status < 300 ? answer.body : undefined;
  };

  const sessions = Object.fromEntries(
    await Promise.all(PERSONAS.map(async (persona) => [persona, await must('signInAsPersona', { body: { persona } })] as const)),
  ) as Record<(typeof PERSONAS)[number], { token: string; user: { id: string; role: Role } }>;
  const tokenOf = (persona: (typeof PERSONAS)[number]) => sessions[persona].token;
  const idOf = (persona: (typeof PERSONAS)[number]) => sessions[persona].user.id;

  // Real things to aim at, made through the API as a phone would. Today's stand is open all day, so its last slots
  // are still ahead (but for the day's last half hour: then the steps that need today's stand give nothing, and the
  // fuzzer aims at ids of nothing instead); bookings that need no check-in are made at the next market day's stand.
  const today = chinaDate(new Date());
  const page = await must('getStandByScene', { params: { scene: seed.scene } });
  const standId: string = page.stand.id;
  const [blood, scissors] = page.services as { id: string; slots: { startTime: string; left: number }[] }[];
  const lastSlot = (service: { slots: { startTime: string }[] }) => service.slots.at(-1)!.startTime;
  const laterStand = (await deps.stands.findCurrentOrNextStandAtVenue(seed.venueId, addDays(today, 1)))!;
  const laterSlots = await deps.stands.listSlotsOfStand(laterStand.id);
  const laterSlot = (serviceId: string) => laterSlots.find((slot) => slot.serviceId === serviceId)!.startTime;
  const usedRequestIds: string[] = [];
  const requestId = () => {
    const id = `setup-${ulid()}`;
    usedRequestIds.push(id);
    return id;
  };
  const orNothing = (value: string | undefined) => value ?? ulid();
  await must('setHealthConsent', { token: tokenOf('resident'), body: { consent: true } });
  const measured = await attempt('bookSlot', { token: tokenOf('resident'), body: { standId, serviceId: blood.id, startTime: lastSlot(blood), requestId: requestId() } });
  const checkedIn = measured && (await attempt('checkIn', { token: tokenOf('staff1'), params: { standId }, body: { code: measured.code } }));
  const reading = checkedIn && (await attempt('recordReading', { token: tokenOf('staff1'), params: { standId, entryId: checkedIn.id }, body: { requestId: requestId(), systolic: 132, diastolic: 84 } }));
  const toCheckIn = await attempt('bookSlot', { token: tokenOf('resident2'), body: { standId, serviceId: scissors.id, startTime: lastSlot(scissors), requestId: requestId() } });
  const walkIn = await attempt('addWalkIn', { token: tokenOf('staff1'), params: { standId }, body: { serviceId: scissors.id, requestId: requestId(), note: '腿脚不便' } });
  const booking = await must('bookSlot', { token: tokenOf('resident'), body: { standId: laterStand.id, serviceId: scissors.id, startTime: laterSlot(scissors.id), requestId: requestId() } });
  const settings = await must('getSubmissionSettings', { params: { studioId: seed.studioId } });
  const suggestion = (text: string) => ({ requestId: requestId(), studioId: seed.studioId, category: '环境卫生', text, place: '洛社菜场东门', public: true });
  const submission = await must('submit', { token: tokenOf('resident'), body: suggestion('菜场东门的垃圾桶满了好几天没人清理') });
  // one answered and resolved, which its resident may rate
  const resolved = await must('submit', { token: tokenOf('resident'), body: suggestion('村口的路灯坏了三盏，晚上走路很黑') });
  await must('acceptSubmission', { token: tokenOf('rep1'), params: { submissionId: resolved.id }, body: { triage: 'minor' } });
  await must('replyToSubmission', { token: tokenOf('rep1'), params: { submissionId: resolved.id }, body: { text: '已联系供电所，本周内修好。', public: true } });
  await must('resolveSubmission', { token: tokenOf('rep1'), params: { submissionId: resolved.id }, body: { outcome: 'fixed' } });

  // A studio member of the fuzzer's own, for the routes that change or remove a member ({userId}): the personas keep
  // their roles (were one changed all the same, the callers are asked for again and the expectations follow).
  const invite = await must('createInvite', { token: tokenOf('admin'), params: { studioId: seed.studioId }, body: { role: 'staff' } });
  const joiner = await must('signInWithWechat', { body: { code: `fuzz-member-${ulid()}` } });
  const member = await must('redeemInvite', { token: joiner.token, body: { code: invite.code } });
  // 幸福币: the resident's card, coins for an activity, and a redemption waiting at the stand
  const card = await must('openCoinCard', { token: tokenOf('resident'), params: { studioId: seed.studioId } });
  await must('awardCoins', { token: tokenOf('staff1'), params: { studioId: seed.studioId }, body: { requestId: requestId(), cardCode: card.cardCode, ruleId: 'mediation' } });
  const redemption = await must('redeemCoins', { token: tokenOf('resident'), params: { studioId: seed.studioId }, body: { requestId: requestId(), rewardId: 'towel' } });
  // volunteers: the new member registers (waiting for the admin), and a team to put people in
  const volunteering = { partyMember: true, inService: true, organisation: '洛社中心小学', skills: ['辅导功课'], availability: '周六上午' };
  await must('registerVolunteer', { token: joiner.token, params: { studioId: seed.studioId }, body: volunteering });
  const team = await must('createVolunteerTeam', { token: tokenOf('admin'), params: { studioId: seed.studioId }, body: { name: '助学服务队' } });
  // 微心愿: one on the wall (approved), one waiting for review
  const wish = await must('postWish', { token: tokenOf('resident'), params: { studioId: seed.studioId }, body: { requestId: requestId(), title: '想要一根结实的拐杖' } });
  await must('approveWish', { token: tokenOf('rep1'), params: { studioId: seed.studioId, wishId: wish.id } });
  const waitingWish = await must('postWish', { token: tokenOf('resident'), params: { studioId: seed.studioId }, body: { requestId: requestId(), title: '想请人帮忙修台灯' } });
  // 点单-配送: the resident orders 代购药品 from the catalogue and staff review it (open: a volunteer could claim it)
  const { kinds: errandKinds } = await must('listErrandKinds', { token: tokenOf('resident'), params: { studioId: seed.studioId }, query: {} });
  const errandOrder = { kindId: errandKinds[0].id, forWhom: '独居老人', urgency: 2, when: '明天上午', address: '洛社镇人民路 12 号 3 楼', phone: '13812345678', note: '降压药两盒' };
  const errand = await must('placeErrand', { token: tokenOf('resident'), params: { studioId: seed.studioId }, body: { requestId: requestId(), ...errandOrder } });
  await must('reviewErrand', { token: tokenOf('staff1'), params: { studioId: seed.studioId, errandId: errand.id }, body: { approve: true } });
  // 协商: a consultation today on the open submission (it may be recorded, signed up for, cancelled)
  const consultationBody = { requestId: requestId(), topic: '菜场东门垃圾清运', date: today, time: '19:00', place: '社区议事厅', agenda: ['听取居民意见'], submissionIds: [submission.id], invitedUnits: '环卫所' };
  const consultation = await must('createConsultation', { token: tokenOf('rep1'), params: { studioId: seed.studioId }, body: consultationBody });
  // 协调会: 洛社镇's units' meeting today (it may be recorded or cancelled)
  const townIds = (await must('listTowns', {})).towns.map((t: { id: string }) => t.id) as string[];
  const coordinationBody = { requestId: requestId(), topic: '成员单位联席会', date: today, time: '14:30', place: '镇党群服务中心', agenda: ['通报双向服务项目'] };
  const coordination = await must('createCoordination', { token: tokenOf('townadmin'), params: { townId: townIds[0] }, body: coordinationBody });

  // 扫码登录电脑工作台: a desk browser's ticket, waiting for a phone
  const deskTicket = await must('createDeskTicket', {});
  const grids = (await must('listGrids', { params: { studioId: seed.studioId } })).grids as { id: string }[];
  // 部门与联络员: the demo's departments (城管办, 环卫所 …)
  const { departments } = await must('listDepartments', { token: tokenOf('rep1'), params: { studioId: seed.studioId } });
  // 成员单位与三张清单: the demo town's units, resources, needs and projects (test/fuzz/alliance-world.ts)
  const alliance = await allianceWorld(must, tokenOf('townadmin'), townIds[0]!, today);

  const pools: Record<string, string[]> = {
    studioId: [seed.studioId],
    venueId: [seed.venueId],
    scene: [seed.scene],
    standId: [standId],
    serviceId: page.services.map((s: { id: string }) => s.id),
    bookingId: [booking.id, orNothing(measured?.id)],
    entryId: [orNothing(walkIn?.id), orNothing(checkedIn?.id)],
    submissionId: [submission.id, resolved.id],
    readingId: [orNothing(reading?.id)],
    userId: [member.user.id],
    code: [redemption.code],
    teamId: [team.id],
    wishId: [wish.id, waitingWish.id],
    kindId: errandKinds.map((k: { id: string }) => k.id),
    errandId: [errand.id],
    ticketId: [deskTicket.ticketId],
    gridId: grids.map((g) => g.id),
    consultationId: [consultation.id],
    coordinationId: [coordination.id],
    departmentId: departments.map((d: { id: string }) => d.id),
    // 镇街: the demo's 洛社镇
    townId: townIds,
    ...alliance.pools,
  };
  /** Where a route's success needs one thing in particular. */
  const poolsOfRoute: Partial<Record<RouteName, Record<string, string[]>>> = {
    // a later stand: a successful cancellation leaves today's stand to the other routes
    cancelStand: { standId: [laterStand.id] },
    rateSubmission: { submissionId: [resolved.id] },
  };
  // (not the personas' ids: sent as a {userId}, one could lose its role, and the routes after it their callers)
  const realIds = [...new Set([...Object.values(pools).flat().filter((v) => v !== seed.scene), laterStand.id])];

  const personaCaller = (persona: (typeof PERSONAS)[number]): Caller => ({ label: persona, token: tokenOf(persona), role: sessions[persona].user.role, userId: idOf(persona) });
  const resident = idOf('resident');
  let throwaways = 0;
  /** A resident of its own, for the routes that end an account (DELETE /me): made again once deleted. */
  const throwaway = async (): Promise<Caller> => {
    throwaways += 1;
    const session = await must('signInWithWechat', { body: { code: `fuzz-throwaway-${throwaways}-${ulid()}` } });
    return { label: 'throwaway-resident', token: session.token, role: session.user.role, userId: session.user.id };
  };
  const callers: Caller[] = [
    { label: 'anonymous', userId: resident },
    personaCaller('resident'),
    personaCaller('staff1'),
    personaCaller('rep1'),
    personaCaller('admin'),
    personaCaller('townadmin'),
    await throwaway(),
    // Forged or broken tokens: none of them is a session, except the one claiming a role, which is the stored user's.
    { label: 'forged:garbage', token: 'not-a-token', userId: resident },
    { label: 'forged:huge', token: 'e'.repeat(8_000), userId: resident },
    { label: 'forged:two-words', token: 'two words', userId: resident },
    { label: 'forged:alg-none', token: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: resident, role: 'admin', iss: 'lianxin', aud: 'lianxin-api', exp: 9_999_999_999 })).toString('base64url')}.`, userId: resident },
    { label: 'forged:wrong-secret', token: await forged({ role: 'admin' }, { sub: idOf('admin'), secret: 'another-secret-that-is-long-enough-0123456789' }), userId: resident },
    { label: 'forged:no-exp', token: await forged({ role: 'resident' }, { sub: resident, exp: null }), userId: resident },
    { label: 'forged:expired', token: await forged({ role: 'admin' }, { sub: idOf('admin'), exp: Math.floor(Date.now() / 1000) - 60 }), userId: resident },
    { label: 'forged:no-such-user', token: await forged({ role: 'admin' }, { sub: ulid() }), userId: resident },
    // signed with the real secret (as if it leaked), claiming admin for the resident: the stored role decides
    { label: 'forged:role-claim', token: await forged({ role: 'admin', studioId: seed.studioId }, { sub: resident }), role: 'resident', userId: resident },
  ];
  /** After a request that may change who a token is (an account deleted, an invite redeemed): ask the API again. */
  const refreshCallers = async () => {
    for (const caller of callers) {
      if (!caller.token) continue;
      const me = await call('getMe', { token: caller.token });
      caller.role = me.status === 200 ? me.body.role : undefined;
      if (caller.label === 'throwaway-resident' && !caller.role) Object.assign(caller, await throwaway());
    }
  };

  const month = today.slice(0, 7);
  const examples: Partial<Record<RouteName, (requestId: string) => { body?: Record<string, unknown>; query?: Record<string, string> }>> = {
    signInWithWechat: () => ({ body: { code: 'fuzz-wechat-code' } }),
    createInvite: () => ({ body: { role: 'staff', validHours: 24 } }),
    changeMemberRole: () => ({ body: { role: 'representative' } }),
    redeemInvite: () => ({ body: { code: 'ACDE-FGHJ' } }),
    exchangeDeskTicket: () => ({ body: { secret: deskTicket.secret } }),
    signInAsPersona: () => ({ body: { persona: 'resident2' } }),
    bookSlot: (requestId) => ({ body: { standId: laterStand.id, serviceId: blood.id, startTime: laterSlot(blood.id), requestId } }),
    listStudioStands: () => ({ query: { date: today } }),
    // the paged lists: the first page (a cursor is the API's own; hostile ones are the fuzzer's)
    listMyBookings: () => ({ query: {} }),
    listMySubmissions: () => ({ query: {} }),
    listMySeconds: () => ({ query: {} }),
    getBoard: () => ({ query: {} }),
    checkIn: () => ({ body: { code: toCheckIn?.code ?? booking.code } }),
    addWalkIn: (requestId) => ({ body: { serviceId: scissors.id, requestId, overrideFull: false, note: '行动不便，坐轮椅' } }),
    recordReading: (requestId) => ({ body: { requestId, systolic: 128, diastolic: 82, pulse: 72 } }),
    // 服务结果 (staff; a unit liaison for its own unit's service)
    recordEntry: () => ({ body: { outcome: 'served', note: '血压 135/85，建议复查' } }),
    setHealthConsent: () => ({ body: { consent: true } }),
    createService: () => ({ body: { name: '理发', description: '老年人免费理发', minutesPerPerson: 15, peoplePerSlot: 2, homeVisit: false, keepsHealthReadings: false } }),
    updateService: () => ({ body: { name: '磨剪刀', description: '磨剪刀、菜刀，当场取回', minutesPerPerson: 10, peoplePerSlot: 3 } }),
    createVenue: () => ({ body: { name: '测试院落', address: '洛社镇测试路 1 号', rules: [{ kind: 'weekly', weekdays: [2, 5], startTime: '08:00', endTime: '11:00', serviceIds: [scissors.id] }] } }),
    updateVenue: () => ({ body: { name: '洛社农贸集市', address: '洛社镇人民路菜场', rules: [{ kind: 'lunar', days: [3, 6, 9], startTime: '08:00', endTime: '11:30', serviceIds: [blood.id, scissors.id] }] } }),
    generateStands: () => ({ body: { weeks: 1 } }),
    cancelStand: () => ({ body: { reason: '天气原因' } }),
    saveSubmissionSettings: () => ({ body: { categories: settings.categories, holidays: [addDays(today, 30)], workdays: [] } }),
    saveReplyTemplates: () => ({ body: { templates: [{ title: '已收到', text: '您的意见已收到，我们会尽快办理。' }], version: 0 } }),
    createPhotoUpload: () => ({ body: { contentType: 'image/jpeg', size: 2048 } }),
    submit: (requestId) => ({ body: { requestId, studioId: seed.studioId, category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', place: '洛社菜场东门', public: true } }),
    rateSubmission: () => ({ body: { rating: 'satisfied', comment: '处理得很及时' } }),
    resolveSubmission: () => ({ body: { outcome: 'long_term', note: '需要列入明年的道路改造计划' } }),
    triageSubmission: () => ({ body: { triage: 'major', department: '县交警大队', dueDate: addDays(today, 20) } }),
    postProgress: () => ({ body: { text: '已到现场查看，报修单已交供电所' } }),
    askForMore: () => ({ body: { question: '请说一下是哪条路、哪一段' } }),
    addMore: () => ({ body: { text: '洛社村口往东 200 米' } }),
    getInbox: () => ({ query: { group: 'new', category: '环境卫生' } }),
    listGridMatters: () => ({ query: {} }),
    createGrid: () => ({ body: { name: `网格${ulid().slice(-4)}`, kind: '院落', area: '测试范围' } }),
    updateGrid: () => ({ body: { name: '人民路网格', kind: '网格', area: '人民路两侧' } }),
    setGridListing: () => ({ body: { listed: true } }),
    acceptSubmission: () => ({ body: { triage: 'minor', note: '交村委处理' } }),
    replyToSubmission: () => ({ body: { text: '已联系环卫所，明天上午清理。', public: true } }),
    submitOnBehalf: (requestId) => ({ body: { requestId, sourceNote: '纸质意见征询表', category: '道路交通', text: '村口路灯坏了三盏，晚上很黑', public: false } }),
    getStudioStats: () => ({ query: { month } }),
    listSimilarSubmissions: () => ({ query: { text: '菜场东门的垃圾桶满了，一直没人清理', category: '环境卫生', place: '菜场东门' } }),
    exportSubmissions: () => ({ query: { from: addDays(today, -30), to: today } }),
    getAuditLog: () => ({ query: { kind: 'invite_created' } }),
    deleteMyAccount: () => ({ body: { confirm: '注销' } }),
    getMyCoins: () => ({ query: {} }),
    redeemCoins: (requestId) => ({ body: { requestId, rewardId: 'towel' } }),
    refuseRedemption: () => ({ body: { reason: '今天没带来' } }),
    awardCoins: (requestId) => ({ body: { requestId, cardCode: card.cardCode, ruleId: 'clean-up' } }),
    putCoinSettings: () => ({ body: { rules: DEMO_COIN_RULES, rewards: DEMO_COIN_REWARDS } }),
    getCoinFigures: () => ({ query: { month } }),
    registerVolunteer: () => ({ body: volunteering }),
    listVolunteers: () => ({ query: { status: 'pending' } }),
    listStandVolunteers: () => ({ query: {} }),
    decideVolunteer: () => ({ body: { approve: true } }),
    createVolunteerTeam: () => ({ body: { name: `服务队${ulid().slice(-4)}` } }),
    addTeamMember: () => ({ body: { leader: false } }),
    listWishWall: () => ({ query: {} }),
    listMyWishes: () => ({ query: {} }),
    listMyWishClaims: () => ({ query: {} }),
    listWishReviewQueue: () => ({ query: {} }),
    listWishesOnBehalf: () => ({ query: {} }),
    postWish: (requestId) => ({ body: { requestId, title: '想有人陪我下盘棋', details: '周末下午在家' } }),
    postWishOnBehalf: (requestId) => ({ body: { requestId, title: '想有人陪着去趟医院', wisherName: '刘桂英', wisherPhone: '13900139000' } }),
    refuseWish: () => ({ body: { reason: '请到服务点当面说明' } }),
    fulfilWish: () => ({ body: { note: '送去了一根四脚拐杖' } }),
    listErrandKinds: () => ({ query: {} }),
    createErrandKind: () => ({ body: { name: `代办${ulid().slice(-4)}`, description: '志愿者代为办理', dispatch: 'assign' } }),
    updateErrandKind: () => ({ body: { name: '代购药品', description: '志愿者到药店代买常用药，送到家里', dispatch: 'claim' } }),
    placeErrand: (requestId) => ({ body: { requestId, ...errandOrder } }),
    listMyErrands: () => ({ query: {} }),
    listMyErrandTasks: () => ({ query: {} }),
    listOpenErrands: () => ({ query: {} }),
    listStudioErrands: () => ({ query: { status: 'ordered' } }),
    reviewErrand: () => ({ body: { approve: false, reason: '本周已统一安排' } }),
    assignErrand: () => ({ body: { volunteerId: member.user.id } }),
    decideErrandClaim: () => ({ body: { accept: true } }),
    confirmErrand: () => ({ body: { rating: 5, comment: '送得很及时' } }),
    cancelErrand: () => ({ body: { reason: '家人已经买了' } }),
    addErrandContact: () => ({ body: { kind: 'call', text: '约好下午三点送到', followUp: false } }),
    createConsultation: (requestId) => ({ body: { ...consultationBody, requestId } }),
    listConsultations: () => ({ query: {} }),
    listPublicConsultations: () => ({ query: {} }),
    cancelConsultation: () => ({ body: { reason: '下雨改期' } }),
    recordConsultation: () => ({ body: { attendance: 12, attendeeNames: '居民代表、环卫所', minutes: '居民反映垃圾清运不及时，环卫所同意每天清运两次。', decision: '每天早晚各清运一次' } }),
    publishConsultationResult: () => ({ body: { result: '已改为每天清运两次' } }),
    createCoordination: (requestId) => ({ body: { ...coordinationBody, requestId } }),
    listCoordinations: () => ({ query: {} }),
    cancelCoordination: () => ({ body: { reason: '与区里会议冲突' } }),
    recordCoordination: () => ({ body: { presentUnitIds: coordination.units.map((u: { id: string }) => u.id), minutes: '各成员单位通报了本月的双向服务项目。', decision: '下月起每月两次义诊' } }),
    publishCoordinationResult: () => ({ body: { result: '已开展两次义诊，服务 86 人' } }),
    addDepartment: () => ({ body: { name: `部门${ulid().slice(-4)}`, note: '测试用' } }),
    updateDepartment: () => ({ body: { note: '市容、占道经营' } }),
    getDepartmentQueue: () => ({ query: {} }),
    postDepartmentProgress: () => ({ body: { text: '已到现场劝离摊贩' } }),
    postDepartmentResult: () => ({ body: { text: '摊位已清理，设置了提示牌' } }),
    handMatterBack: () => ({ body: { reason: '属于市场监管所职责' } }),
    listTownStudios: () => ({ query: {} }),
    createTownStudio: () => ({ body: { name: `村工作室${ulid().slice(-4)}`, address: '洛社镇某村村委会', inviteValidHours: 24 } }),
    getTownFigures: () => ({ query: { month } }),
    exportTownFigures: () => ({ query: { month } }),
    ...alliance.examples,
    switchMembership: () => ({ body: { role: 'representative', studioId: seed.studioId } }),
    // a role nobody holds (leaving a persona's own would take it out of the callers' roles for the routes after it)
    leaveMembership: () => ({ body: { role: 'staff', studioId: ulid() } }),
  };

  const s3 = new S3Client({ endpoint: testS3Endpoint(), forcePathStyle: true, region: 'local', credentials: LOCAL_S3_CREDENTIALS });
  const upload = async (owner: string, extension: string, bytes: Uint8Array) => {
    const key = `photos/${owner}/${ulid()}.${extension}`;
    await s3.send(new PutObjectCommand({ Bucket: TEST_PHOTO_BUCKET, Key: key, Body: bytes }));
    return key;
  };
  const photoKey = (ref: PhotoRef, owner: string): Promise<string> => {
    switch (ref.kind) {
      case 'png':
        return upload(owner, 'png', TINY_PNG);
      case 'empty':
        return upload(owner, 'png', new Uint8Array());
      case 'not-an-image':
        return upload(owner, 'jpg', new TextEncoder().encode('<html>这不是照片</html>'));
      case 'png-named-jpg':
        return upload(owner, 'jpg', TINY_PNG);
      case 'too-big':
        return upload(owner, 'jpg', jpegOfSize(MAX_PHOTO_BYTES + 1));
      case 'other-users':
        return upload(idOf('resident2'), 'png', TINY_PNG);
      case 'never-uploaded':
        return Promise.resolve(`photos/${owner}/${ulid()}.png`);
    }
  };
  const materialize = async (value: unknown, caller: Caller): Promise<unknown> => {
    if (value instanceof PhotoRef) return photoKey(value, caller.userId);
    if (Array.isArray(value)) return Promise.all(value.map((v) => materialize(v, caller)));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const inner = await materialize(Object.getOwnPropertyDescriptor(value, key)!.value, caller);
        Object.defineProperty(copy, key, { value: inner, enumerable: true, writable: true, configurable: true });
      }
      return copy;
    }
    return value;
  };

  const ledger = new TableLedger(testDynamoEndpoint(), tableName);
  await ledger.reset();

  return {
    tableName,
    api,
    watch,
    ledger,
    maxBodyBytes,
    callers,
    callersOf: (route) => callers.filter((c) => (route === 'deleteMyAccount' ? c.label !== 'resident' : c.label !== 'throwaway-resident')),
    refreshCallers,
    realParams: (route, name) => poolsOfRoute[route]?.[name] ?? pools[name] ?? [],
    realIds,
    example: (route, requestId) => {
      const make = examples[route];
      return make ? make(requestId) : {};
    },
    usedRequestIds,
    materialize,
    close: async () => {
      s3.destroy();
      await watch.close();
    },
  };
}

/** Routes that must have an example: those with a body or a query in the contract. */
export function routesNeedingExamples(): RouteName[] {
  return (Object.keys(routes) as RouteName[]).filter((name) => 'body' in routes[name] || 'query' in routes[name]);
}
