import {
  cancelConsultationRequest,
  consultationInviteesView,
  consultationPageQuery,
  consultationSignUpView,
  consultationsPage,
  consultationView,
  createConsultationRequest,
  publishResultRequest,
  recordConsultationRequest,
} from '../schemas/consultations';
import { defineRoutes } from './define';
import { EVERYONE_SIGNED_IN, REPRESENTATIVES } from './roles';

/**
 * 协商 / 议事会 (四议两公开): consultations on a studio's submissions, their sign-ups, decisions and results. Served by
 * the submissions context.
 */
export const consultationRoutes = defineRoutes({
  createConsultation: { method: 'POST', path: '/studios/{studioId}/consultations', roles: REPRESENTATIVES, body: createConsultationRequest, response: consultationView, status: 201, summary: '发起议事协商（选定意见，通知邀请的居民和代表）' },
  listConsultations: { method: 'GET', path: '/studios/{studioId}/consultations', roles: REPRESENTATIVES, query: consultationPageQuery, response: consultationsPage, summary: '本工作室的议事协商：待召开的在前（分页）' },
  listPublicConsultations: { method: 'GET', path: '/studios/{studioId}/public-consultations', roles: 'public', query: consultationPageQuery, response: consultationsPage, summary: '议事协商公示：协商决定和落实结果，连同所答复的意见（分页）' },
  getConsultation: { method: 'GET', path: '/studios/{studioId}/consultations/{consultationId}', roles: EVERYONE_SIGNED_IN, response: consultationView, summary: '一次议事协商（代表可见会议纪要）' },
  listConsultationInvitees: { method: 'GET', path: '/studios/{studioId}/consultations/{consultationId}/invitees', roles: REPRESENTATIVES, response: consultationInviteesView, summary: '邀请名单：提出和附议的居民、代表、单位' },
  cancelConsultation: { method: 'POST', path: '/studios/{studioId}/consultations/{consultationId}/cancel', roles: REPRESENTATIVES, body: cancelConsultationRequest, response: consultationView, summary: '取消待召开的议事协商' },
  recordConsultation: { method: 'POST', path: '/studios/{studioId}/consultations/{consultationId}/record', roles: REPRESENTATIVES, body: recordConsultationRequest, response: consultationView, summary: '记录会议：到会人数、纪要和协商决定（决定公示）' },
  publishConsultationResult: { method: 'POST', path: '/studios/{studioId}/consultations/{consultationId}/result', roles: REPRESENTATIVES, body: publishResultRequest, response: consultationView, summary: '公示决定的落实结果' },
  signUpForConsultation: { method: 'POST', path: '/studios/{studioId}/consultations/{consultationId}/sign-up', roles: EVERYONE_SIGNED_IN, response: consultationSignUpView, summary: '报名参加议事协商（每人一次）' },
  withdrawConsultationSignUp: { method: 'DELETE', path: '/studios/{studioId}/consultations/{consultationId}/sign-up', roles: EVERYONE_SIGNED_IN, response: consultationSignUpView, summary: '取消报名' },
  listMyConsultationSignUps: { method: 'GET', path: '/me/consultation-sign-ups', roles: EVERYONE_SIGNED_IN, response: consultationsPage, summary: '我报名的议事协商' },
});
