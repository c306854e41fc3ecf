import { cancelCoordinationRequest, coordinationPageQuery, coordinationResultRequest, coordinationsPage, coordinationView, createCoordinationRequest, recordCoordinationRequest } from '../schemas/coordination';
import { defineRoutes } from './define';
import { ADMINS, TOWN_ADMINS, TOWN_PEOPLE } from './roles';

/** The town's people, and the admins of the studios a meeting invites (the use case checks). */
const READERS = [...TOWN_PEOPLE, ...ADMINS] as const;

const ONE = '/towns/{townId}/coordinations/{coordinationId}';

/**
 * 协调会 / 联席会: the town-level 协商 of the member units, called by the 镇街管理员; the town's unit liaisons read them.
 * Served by the submissions context (with the studios' 协商).
 */
export const coordinationRoutes = defineRoutes({
  createCoordination: { method: 'POST', path: '/towns/{townId}/coordinations', roles: TOWN_ADMINS, body: createCoordinationRequest, response: coordinationView, status: 201, summary: '召开协调会（邀请成员单位，通知其联络员）' },
  listCoordinations: { method: 'GET', path: '/towns/{townId}/coordinations', roles: TOWN_PEOPLE, query: coordinationPageQuery, response: coordinationsPage, summary: '本镇街的协调会：待召开的在前（分页）' },
  getCoordination: { method: 'GET', path: ONE, roles: READERS, response: coordinationView, summary: '一次协调会' },
  cancelCoordination: { method: 'POST', path: `${ONE}/cancel`, roles: TOWN_ADMINS, body: cancelCoordinationRequest, response: coordinationView, summary: '取消待召开的协调会' },
  recordCoordination: { method: 'POST', path: `${ONE}/record`, roles: TOWN_ADMINS, body: recordCoordinationRequest, response: coordinationView, summary: '记录协调会：到会单位、纪要和会议决定' },
  publishCoordinationResult: { method: 'POST', path: `${ONE}/result`, roles: TOWN_ADMINS, body: coordinationResultRequest, response: coordinationView, summary: '公示协调会决定的落实结果' },
});
