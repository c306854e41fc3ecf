import {
  createTeamRequest,
  listVolunteersQuery,
  myVolunteerView,
  shiftView,
  standVolunteersQuery,
  standVolunteersView,
  teamMemberRequest,
  teamsResponse,
  teamView,
  volunteerDecisionRequest,
  volunteerRequest,
  volunteersPage,
  volunteerView,
} from '../schemas/volunteers';
import { defineRoutes } from './define';
import { ADMINS, EVERYONE_SIGNED_IN, REPRESENTATIVES, STUDIO_PEOPLE } from './roles';

/** Volunteers of a studio: registration (双报到 for in-service party members), approval, teams with a leader. */
export const volunteerRoutes = defineRoutes({
  getMyVolunteer: { method: 'GET', path: '/studios/{studioId}/me/volunteer', roles: EVERYONE_SIGNED_IN, response: myVolunteerView, summary: '我的志愿者登记与所在服务队' },
  registerVolunteer: { method: 'PUT', path: '/studios/{studioId}/me/volunteer', roles: EVERYONE_SIGNED_IN, body: volunteerRequest, response: volunteerView, summary: '登记或修改志愿者信息（在职党员双报到）' },
  withdrawVolunteer: { method: 'DELETE', path: '/studios/{studioId}/me/volunteer', roles: EVERYONE_SIGNED_IN, response: volunteerView, summary: '退出志愿者' },
  listVolunteers: { method: 'GET', path: '/studios/{studioId}/volunteers', roles: REPRESENTATIVES, query: listVolunteersQuery, response: volunteersPage, summary: '按状态列出志愿者（分页）' },
  decideVolunteer: { method: 'POST', path: '/studios/{studioId}/volunteers/{userId}/decision', roles: ADMINS, body: volunteerDecisionRequest, response: volunteerView, summary: '审核志愿者登记' },
  listVolunteerTeams: { method: 'GET', path: '/studios/{studioId}/volunteer-teams', roles: STUDIO_PEOPLE, response: teamsResponse, summary: '志愿服务队及队员' },
  createVolunteerTeam: { method: 'POST', path: '/studios/{studioId}/volunteer-teams', roles: ADMINS, body: createTeamRequest, response: teamView, status: 201, summary: '新建志愿服务队' },
  addTeamMember: { method: 'PUT', path: '/studios/{studioId}/volunteer-teams/{teamId}/members/{userId}', roles: ADMINS, body: teamMemberRequest, response: teamView, summary: '把已通过的志愿者加入服务队（可设为队长）' },
  listStandVolunteers: { method: 'GET', path: '/stands/{standId}/volunteer-shifts', roles: STUDIO_PEOPLE, query: standVolunteersQuery, response: standVolunteersView, summary: '服务点的志愿者：在岗与签退记录，可签到的志愿者（分页）' },
  checkInVolunteer: { method: 'PUT', path: '/stands/{standId}/volunteer-shifts/{userId}', roles: STUDIO_PEOPLE, response: shiftView, summary: '志愿者到岗签到（工作人员操作；重复提交得到同一条记录）' },
  checkOutVolunteer: { method: 'POST', path: '/stands/{standId}/volunteer-shifts/{userId}/check-out', roles: STUDIO_PEOPLE, response: shiftView, summary: '志愿者签退：按服务点时段内的时长记幸福币（每满 1 小时）' },
  removeTeamMember: { method: 'DELETE', path: '/studios/{studioId}/volunteer-teams/{teamId}/members/{userId}', roles: ADMINS, response: teamView, summary: '把队员移出服务队' },
});

