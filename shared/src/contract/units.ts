import {
  createProjectRequest,
  createResourceRequest,
  createUnitRequest,
  fileNeedRequest,
  moveProjectRequest,
  needMatchesView,
  needsPage,
  needView,
  pageQuery,
  projectsPage,
  projectView,
  publicUnitsResponse,
  resourcesPage,
  resourceView,
  unitInviteRequest,
  unitInviteView,
  unitsResponse,
  unitView,
  updateResourceRequest,
  updateUnitRequest,
} from '../schemas/alliance';
import { defineRoutes } from './define';
import { REPRESENTATIVES, TOWN_ADMINS, TOWN_PEOPLE, UNIT_LIAISONS } from './roles';

/**
 * 成员单位与三张清单 (区域化党建): a town's member units and their liaisons' invites, 资源清单 (what units offer), 需求清单
 * (what the studios' communities need), 项目清单 (the matches, each a 双向服务 agreement both sides sign in the app).
 * Served by the towns Lambda; the use cases check the town, unit or studio is the caller's own.
 */
export const unitRoutes = defineRoutes({
  listUnits: { method: 'GET', path: '/towns/{townId}/units', roles: TOWN_PEOPLE, response: unitsResponse, summary: '成员单位（含已退出的，标明）' },
  listAllianceUnits: { method: 'GET', path: '/towns/{townId}/alliance', roles: 'public', response: publicUnitsResponse, summary: '区域化党建成员单位（公开：名称、类型、简介）' },
  createUnit: { method: 'POST', path: '/towns/{townId}/units', roles: TOWN_ADMINS, body: createUnitRequest, response: unitView, status: 201, summary: '新增成员单位' },
  getUnit: { method: 'GET', path: '/towns/{townId}/units/{unitId}', roles: TOWN_PEOPLE, response: unitView, summary: '成员单位资料' },
  updateUnit: { method: 'PUT', path: '/towns/{townId}/units/{unitId}', roles: TOWN_PEOPLE, body: updateUnitRequest, response: unitView, summary: '修改单位资料（镇街管理员或本单位联络员）' },
  retireUnit: { method: 'POST', path: '/towns/{townId}/units/{unitId}/retire', roles: TOWN_ADMINS, response: unitView, summary: '成员单位退出（保留记录，标为已退出）' },
  createUnitInvite: { method: 'POST', path: '/towns/{townId}/units/{unitId}/invites', roles: TOWN_ADMINS, body: unitInviteRequest, response: unitInviteView, status: 201, summary: '生成单位联络员邀请码' },
  listTownResources: { method: 'GET', path: '/towns/{townId}/resources', roles: TOWN_PEOPLE, query: pageQuery, response: resourcesPage, summary: '资源清单：全镇各成员单位能提供的（分页）' },
  listUnitResources: { method: 'GET', path: '/towns/{townId}/units/{unitId}/resources', roles: TOWN_PEOPLE, query: pageQuery, response: resourcesPage, summary: '一个成员单位的资源（分页）' },
  addResource: { method: 'POST', path: '/towns/{townId}/units/{unitId}/resources', roles: TOWN_PEOPLE, body: createResourceRequest, response: resourceView, status: 201, summary: '新增资源（本单位联络员或镇街管理员）' },
  updateResource: { method: 'PUT', path: '/towns/{townId}/units/{unitId}/resources/{resourceId}', roles: TOWN_PEOPLE, body: updateResourceRequest, response: resourceView, summary: '修改、撤下或重新提供一项资源' },
  listTownNeeds: { method: 'GET', path: '/towns/{townId}/needs', roles: TOWN_PEOPLE, query: pageQuery, response: needsPage, summary: '需求清单：全镇各工作室登记的（分页）' },
  getNeedMatches: { method: 'GET', path: '/towns/{townId}/needs/{needId}/matches', roles: TOWN_PEOPLE, response: needMatchesView, summary: '匹配：适合这条需求的资源（同类在前）' },
  fileNeed: { method: 'POST', path: '/studios/{studioId}/needs', roles: REPRESENTATIVES, body: fileNeedRequest, response: needView, status: 201, summary: '登记本社区的需求' },
  listStudioNeeds: { method: 'GET', path: '/studios/{studioId}/needs', roles: REPRESENTATIVES, query: pageQuery, response: needsPage, summary: '本工作室的需求清单（分页）' },
  withdrawNeed: { method: 'POST', path: '/studios/{studioId}/needs/{needId}/withdraw', roles: REPRESENTATIVES, response: needView, summary: '撤回待对接的需求' },
  createProject: { method: 'POST', path: '/towns/{townId}/projects', roles: TOWN_PEOPLE, body: createProjectRequest, response: projectView, status: 201, summary: '由需求生成项目（待签约），需求转为已对接' },
  listTownProjects: { method: 'GET', path: '/towns/{townId}/projects', roles: TOWN_PEOPLE, query: pageQuery, response: projectsPage, summary: '项目清单：全镇的（分页）' },
  listUnitProjects: { method: 'GET', path: '/towns/{townId}/units/{unitId}/projects', roles: TOWN_PEOPLE, query: pageQuery, response: projectsPage, summary: '一个成员单位的项目（分页）' },
  signProjectForUnit: { method: 'POST', path: '/towns/{townId}/projects/{projectId}/unit-signature', roles: UNIT_LIAISONS, response: projectView, summary: '单位一方签字（双向服务协议）' },
  moveProject: { method: 'POST', path: '/towns/{townId}/projects/{projectId}/progress', roles: TOWN_PEOPLE, body: moveProjectRequest, response: projectView, summary: '项目开始、完成或取消（取消后需求回到待对接）' },
  listStudioProjects: { method: 'GET', path: '/studios/{studioId}/projects', roles: REPRESENTATIVES, query: pageQuery, response: projectsPage, summary: '本工作室的项目（分页）' },
  signProjectForStudio: { method: 'POST', path: '/studios/{studioId}/projects/{projectId}/signature', roles: REPRESENTATIVES, response: projectView, summary: '社区一方签字（双向服务协议）' },
});
