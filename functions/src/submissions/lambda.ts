import { submissionRoutes } from '@shared/contract/submissions';
import { listGridMatters } from './grid-matters.use-case';
import { consultationRoutes } from '@shared/contract/consultations';
import { consultationHandlers } from '../consultations/handlers';
import { departmentRoutes } from '@shared/contract/departments';
import { departmentHandlers } from '../departments/handlers';
import { coordinationRoutes } from '@shared/contract/coordination';
import { coordinationHandlers } from '../consultations/coordination-handlers';
import { createRouter } from '../http/router';
import { submissionsDeps } from './deps';
import { createPhotoUpload } from './photos.use-case';
import { acceptSubmission, approveForBoard, getBoard, getInbox, getStudioSubmission, rateSubmission, replyToSubmission, resolveSubmission, revealSubmissionPhone } from './submission-desk.use-case';
import { exportSubmissionsCsv, getStudioStats, submitOnBehalf } from './submission-reports.use-case';
import { getMySubmission, listMySubmissions, submit } from './submissions.use-case';
import { chaseMySubmission } from './chase.use-case';
import { addMore, askForMore, postProgress, triageSubmission } from './handling.use-case';
import { listMySeconds, listSimilarSubmissions, secondSubmission } from './seconds.use-case';

export const handler = createRouter(
  // the context's routes (shared/src/contract/index.ts `contexts.submissions`): 意见建议, 协商 (and the towns' 协调会) and 部门与联络员
  { ...submissionRoutes, ...consultationRoutes, ...coordinationRoutes, ...departmentRoutes },
  {
    ...departmentHandlers,
    createPhotoUpload: ({ deps, principal, body }) => createPhotoUpload(deps, principal, body),
    submit: ({ deps, principal, body }) => submit(deps, principal, body),
    listMySubmissions: ({ deps, principal, query }) => listMySubmissions(deps, principal, query),
    getMySubmission: ({ deps, principal, params }) => getMySubmission(deps, principal, params.submissionId),
    chaseMySubmission: ({ deps, principal, params }) => chaseMySubmission(deps, principal, params.submissionId),
    rateSubmission: ({ deps, principal, params, body }) => rateSubmission(deps, principal, params.submissionId, body),
    getBoard: ({ deps, params, query }) => getBoard(deps, params.studioId, query),
    listGridMatters: ({ deps, principal, params, query }) => listGridMatters(deps, principal, params.studioId, params.gridId, query),
    getInbox: ({ deps, principal, params, query }) => getInbox(deps, principal, params.studioId, query),
    getStudioSubmission: ({ deps, principal, params }) => getStudioSubmission(deps, principal, params.studioId, params.submissionId),
    revealSubmissionPhone: ({ deps, principal, params }) => revealSubmissionPhone(deps, principal, params.studioId, params.submissionId),
    acceptSubmission: ({ deps, principal, params, body }) => acceptSubmission(deps, principal, params.submissionId, body),
    replyToSubmission: ({ deps, principal, params, body }) => replyToSubmission(deps, principal, params.submissionId, body),
    triageSubmission: ({ deps, principal, params, body }) => triageSubmission(deps, principal, params.submissionId, body),
    askForMore: ({ deps, principal, params, body }) => askForMore(deps, principal, params.submissionId, body),
    addMore: ({ deps, principal, params, body }) => addMore(deps, principal, params.submissionId, body),
    postProgress: ({ deps, principal, params, body }) => postProgress(deps, principal, params.submissionId, body),
    resolveSubmission: ({ deps, principal, params, body }) => resolveSubmission(deps, principal, params.submissionId, body),
    approveForBoard: ({ deps, principal, params }) => approveForBoard(deps, principal, params.submissionId),
    submitOnBehalf: ({ deps, principal, params, body }) => submitOnBehalf(deps, principal, params.studioId, body),
    getStudioStats: ({ deps, principal, params, query }) => getStudioStats(deps, principal, params.studioId, query),
    listSimilarSubmissions: ({ deps, principal, params, query }) => listSimilarSubmissions(deps, principal, params.studioId, query),
    secondSubmission: ({ deps, principal, params }) => secondSubmission(deps, principal, params.submissionId),
    listMySeconds: ({ deps, principal, query }) => listMySeconds(deps, principal, query),
    exportSubmissions: ({ deps, principal, params, query }) => exportSubmissionsCsv(deps, principal, params.studioId, query),
    ...consultationHandlers,
    ...coordinationHandlers,
  },
  submissionsDeps,
);
