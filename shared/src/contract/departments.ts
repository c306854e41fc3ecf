import { addDepartmentRequest, departmentProgressRequest, departmentQueueQuery, departmentQueueResponse, departmentResultRequest, departmentsResponse, departmentView, handBackRequest, liaisonMatterView, updateDepartmentRequest } from '../schemas/departments';
import { defineRoutes } from './define';
import { ADMINS, HAND_ON_LIAISONS, REPRESENTATIVES } from './roles';

const MATTER = '/departments/{departmentId}/matters/{submissionId}';

/**
 * 部门与联络员: a studio's departments (admins keep the list; representatives pick from it when handing a 大事 on) and
 * the liaison's side of a hand-on. Served by the submissions context (functions/src/submissions/lambda.ts).
 */
export const departmentRoutes = defineRoutes({
  listDepartments: { method: 'GET', path: '/studios/{studioId}/departments', roles: REPRESENTATIVES, response: departmentsResponse, summary: '本工作室的承办部门（在用的在前）' },
  addDepartment: { method: 'POST', path: '/studios/{studioId}/departments', roles: ADMINS, body: addDepartmentRequest, response: departmentView, status: 201, summary: '添加承办部门' },
  updateDepartment: { method: 'PATCH', path: '/studios/{studioId}/departments/{departmentId}', roles: ADMINS, body: updateDepartmentRequest, response: departmentView, summary: '改名、改说明、停用或重新启用承办部门' },
  getDepartmentQueue: { method: 'GET', path: '/departments/{departmentId}/queue', roles: HAND_ON_LIAISONS, query: departmentQueueQuery, response: departmentQueueResponse, summary: '部门待办：未办完的在前，按期限先后（分页）' },
  getDepartmentMatter: { method: 'GET', path: MATTER, roles: HAND_ON_LIAISONS, response: liaisonMatterView, summary: '交办给本部门的一件事' },
  acknowledgeMatter: { method: 'POST', path: `${MATTER}/acknowledge`, roles: HAND_ON_LIAISONS, response: liaisonMatterView, summary: '签收' },
  postDepartmentProgress: { method: 'POST', path: `${MATTER}/progress`, roles: HAND_ON_LIAISONS, body: departmentProgressRequest, response: liaisonMatterView, summary: '办理进展（关注的居民也能看到）' },
  postDepartmentResult: { method: 'POST', path: `${MATTER}/result`, roles: HAND_ON_LIAISONS, body: departmentResultRequest, response: liaisonMatterView, summary: '办理结果（可附照片），告知承办的党代表' },
  handMatterBack: { method: 'POST', path: `${MATTER}/hand-back`, roles: HAND_ON_LIAISONS, body: handBackRequest, response: liaisonMatterView, summary: '退回工作室（写明原因）' },
});
