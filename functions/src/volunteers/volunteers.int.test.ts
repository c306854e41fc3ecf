import { volunteerRequest, volunteerView } from '@shared/schemas/volunteers';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { deleteMyAccount } from '../privacy/delete-account.use-case';
import { myDataOf } from '../privacy/my-data.use-case';
import { addTeamMember, createVolunteerTeam, decideVolunteer, getMyVolunteer, listVolunteers, listVolunteerTeams, registerVolunteer, removeTeamMember, withdrawVolunteer } from './volunteers.use-case';

// Volunteers against DynamoDB Local: 登记 (双报到 for in-service party members) → 待审核 → 已通过 / 未通过, teams with a
// leader, 退出; every illegal step refused with nothing changed; the person's data and its deletion.
describe('volunteers (DynamoDB Local)', () => {
  const asked = (body: unknown) => volunteerRequest.parse(body);
  const party = asked({ partyMember: true, inService: true, organisation: '洛社中心小学', skills: ['辅导功课', '文艺'], availability: '周六上午' });

  it('registers, waits for the admin, is approved into a team as its leader, and can leave', async () => {
    const f = await bookingFixture();
    const admin = f.principalOf('admin');
    const rep = f.principalOf('rep1');
    const studioId = f.seed.studioId;
    const [teacher, neighbour] = await f.newResidents(2);

    expect(await getMyVolunteer(f.deps, teacher!, studioId)).toEqual({ teams: [] });
    const mine = volunteerView.parse(await registerVolunteer(f.deps, teacher!, studioId, party));
    expect(mine).toMatchObject({ status: 'pending', inService: true, organisation: '洛社中心小学', displayName: '居民1' });
    await registerVolunteer(f.deps, neighbour!, studioId, asked({ partyMember: false, skills: ['助老陪伴'], availability: '工作日下午' }));

    // the representative and the admin see who waits, oldest first
    expect((await listVolunteers(f.deps, rep, studioId, { status: 'pending' })).volunteers.map((v) => v.displayName)).toEqual(['居民1', '居民2']);
    expect(await failureOf(listVolunteers(f.deps, f.principalOf('staff1'), studioId, { status: 'pending' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(listVolunteers(f.deps, rep, studioId, { status: 'pending', cursor: 'eyJQSyI6IlVTRVIjeCJ9' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { cursor: expect.any(String) } });

    // decisions: declining needs no reason check here (the schema asks for it); only the admin decides, once
    expect(await failureOf(decideVolunteer(f.deps, rep, studioId, teacher!.userId, { approve: true }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await decideVolunteer(f.deps, admin, studioId, teacher!.userId, { approve: true })).toMatchObject({ status: 'approved' });
    expect(await failureOf(decideVolunteer(f.deps, admin, studioId, teacher!.userId, { approve: false, reason: '重复' }))).toEqual({ code: 'CONFLICT', message: '这份登记已是“已通过”，不能再审核' });
    expect(await decideVolunteer(f.deps, admin, studioId, neighbour!.userId, { approve: false, reason: '请先到服务点面谈' })).toMatchObject({ status: 'declined', reason: '请先到服务点面谈' });

    // teams: an approved volunteer joins as leader; a declined one cannot join
    const team = await createVolunteerTeam(f.deps, admin, studioId, { name: '助学服务队' });
    expect(await failureOf(createVolunteerTeam(f.deps, admin, studioId, { name: '助学服务队' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { name: '已经有同名的服务队了' } });
    expect(await addTeamMember(f.deps, admin, studioId, team.id, teacher!.userId, { leader: true })).toMatchObject({ leaderUserId: teacher!.userId, members: [{ userId: teacher!.userId, displayName: '居民1' }] });
    expect(await addTeamMember(f.deps, admin, studioId, team.id, teacher!.userId, { leader: true })).toMatchObject({ members: [{ userId: teacher!.userId }] }); // again: no duplicate
    expect(await failureOf(addTeamMember(f.deps, admin, studioId, team.id, neighbour!.userId, { leader: false }))).toEqual({ code: 'CONFLICT', message: '只有审核通过的志愿者才能加入服务队' });
    expect(await failureOf(addTeamMember(f.deps, admin, studioId, '01JD0000000000000000000000', teacher!.userId, { leader: false }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await getMyVolunteer(f.deps, teacher!, studioId)).toMatchObject({ registration: { status: 'approved', teamIds: [team.id] }, teams: [{ id: team.id, name: '助学服务队', leader: true }] });
    expect((await listVolunteerTeams(f.deps, f.principalOf('staff1'), studioId)).teams[0]).toMatchObject({ name: '助学服务队', members: [{ displayName: '居民1' }] });

    // changing hours keeps the approval; 未通过 registers again as 待审核
    expect(await registerVolunteer(f.deps, teacher!, studioId, { ...party, availability: '周日全天' })).toMatchObject({ status: 'approved', availability: '周日全天', teamIds: [team.id] });
    expect(await registerVolunteer(f.deps, neighbour!, studioId, asked({ partyMember: false, skills: ['助老陪伴'], availability: '工作日下午' }))).toMatchObject({ status: 'pending' });

    // 退出: leaves the team (and its lead)
    expect(await withdrawVolunteer(f.deps, teacher!, studioId)).toMatchObject({ status: 'withdrawn', teamIds: [] });
    expect((await listVolunteerTeams(f.deps, admin, studioId)).teams[0]).toEqual({ id: team.id, name: '助学服务队', members: [] });
    expect(await failureOf(withdrawVolunteer(f.deps, teacher!, studioId))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(removeTeamMember(f.deps, admin, studioId, team.id, teacher!.userId))).toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('is refused as 在职党员 without being a party member or naming the unit', () => {
    expect(volunteerRequest.safeParse({ partyMember: false, inService: true, skills: ['理发'], availability: '周末' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['inService', '在职党员报到需先选择“是党员”'],
      ['organisation', '在职党员请填写工作单位'],
    ]);
  });

  it('is in the person’s data, and deleting the account removes the registration and the name from every team', async () => {
    const f = await bookingFixture();
    const admin = f.principalOf('admin');
    const studioId = f.seed.studioId;
    const [resident] = await f.newResidents(1);
    await registerVolunteer(f.deps, resident!, studioId, party);
    await decideVolunteer(f.deps, admin, studioId, resident!.userId, { approve: true });
    const team = await createVolunteerTeam(f.deps, admin, studioId, { name: '助老服务队' });
    await addTeamMember(f.deps, admin, studioId, team.id, resident!.userId, { leader: true });

    expect((await myDataOf(f.deps, resident!)).volunteering).toEqual([expect.objectContaining({ studioName: '洛社镇党代表工作室', status: 'approved', organisation: '洛社中心小学', teams: ['助老服务队'] })]);
    await deleteMyAccount(f.deps, resident!);
    expect((await listVolunteerTeams(f.deps, admin, studioId)).teams[0]).toEqual({ id: team.id, name: '助老服务队', members: [] });
    expect(await f.deps.volunteers.get(resident!.userId, studioId)).toBeUndefined();
    // (the demo seed's volunteer, 孙师傅, stays)
    expect((await listVolunteers(f.deps, admin, studioId, { status: 'approved' })).volunteers.map((v) => v.userId)).not.toContain(resident!.userId);
  }, 60_000);
});
