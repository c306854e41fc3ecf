import type { departmentRoutes } from '@shared/contract/departments';
import type { Implementations } from '../http/router';
import type { SubmissionsDeps } from '../submissions/deps';
import { addDepartment, listDepartments, updateDepartment } from './departments.use-case';
import { acknowledgeMatter, getDepartmentMatter, getDepartmentQueue, handMatterBack, postDepartmentProgress, postDepartmentResult } from './liaison.use-case';

/** 部门与联络员's routes, served by the submissions context (functions/src/submissions/lambda.ts). */
export const departmentHandlers: Implementations<typeof departmentRoutes, SubmissionsDeps> = {
  listDepartments: ({ deps, principal, params }) => listDepartments(deps, principal, params.studioId),
  addDepartment: ({ deps, principal, params, body }) => addDepartment(deps, principal, params.studioId, body),
  updateDepartment: ({ deps, principal, params, body }) => updateDepartment(deps, principal, params.studioId, params.departmentId, body),
  getDepartmentQueue: ({ deps, principal, params, query }) => getDepartmentQueue(deps, principal, params.departmentId, query),
  getDepartmentMatter: ({ deps, principal, params }) => getDepartmentMatter(deps, principal, params.departmentId, params.submissionId),
  acknowledgeMatter: ({ deps, principal, params }) => acknowledgeMatter(deps, principal, params.departmentId, params.submissionId),
  postDepartmentProgress: ({ deps, principal, params, body }) => postDepartmentProgress(deps, principal, params.departmentId, params.submissionId, body),
  postDepartmentResult: ({ deps, principal, params, body }) => postDepartmentResult(deps, principal, params.departmentId, params.submissionId, body),
  handMatterBack: ({ deps, principal, params, body }) => handMatterBack(deps, principal, params.departmentId, params.submissionId, body),
};
