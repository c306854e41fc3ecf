import type { consultationRoutes } from '@shared/contract/consultations';
import type { Implementations } from '../http/router';
import type { SubmissionsDeps } from '../submissions/deps';
import {
  cancelConsultation,
  createConsultation,
  getConsultation,
  listConsultationInvitees,
  listConsultations,
  listMyConsultationSignUps,
  listPublicConsultations,
  publishConsultationResult,
  recordConsultation,
  signUpForConsultation,
  withdrawConsultationSignUp,
} from './consultations.use-case';

/** The 协商 / 议事会 routes of the submissions context (functions/src/submissions/lambda.ts). */
export const consultationHandlers: Implementations<typeof consultationRoutes, SubmissionsDeps> = {
  createConsultation: ({ deps, principal, params, body }) => createConsultation(deps, principal, params.studioId, body),
  listConsultations: ({ deps, principal, params, query }) => listConsultations(deps, principal, params.studioId, query),
  listPublicConsultations: ({ deps, params, query }) => listPublicConsultations(deps, params.studioId, query),
  getConsultation: ({ deps, principal, params }) => getConsultation(deps, principal, params.studioId, params.consultationId),
  listConsultationInvitees: ({ deps, principal, params }) => listConsultationInvitees(deps, principal, params.studioId, params.consultationId),
  cancelConsultation: ({ deps, principal, params, body }) => cancelConsultation(deps, principal, params.studioId, params.consultationId, body),
  recordConsultation: ({ deps, principal, params, body }) => recordConsultation(deps, principal, params.studioId, params.consultationId, body),
  publishConsultationResult: ({ deps, principal, params, body }) => publishConsultationResult(deps, principal, params.studioId, params.consultationId, body),
  signUpForConsultation: ({ deps, principal, params }) => signUpForConsultation(deps, principal, params.studioId, params.consultationId),
  withdrawConsultationSignUp: ({ deps, principal, params }) => withdrawConsultationSignUp(deps, principal, params.studioId, params.consultationId),
  listMyConsultationSignUps: ({ deps, principal }) => listMyConsultationSignUps(deps, principal),
};
