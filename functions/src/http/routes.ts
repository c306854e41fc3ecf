import type { ZodTypeAny } from 'zod';
import type { Role } from '@shared/roles';
import { createInviteRequest, localSignInRequest, redeemInviteRequest, wechatSignInRequest } from '@shared/schemas/auth';
import { bookSlotRequest, checkInRequest, studioStandsQuery, walkInRequest } from '@shared/schemas/booking';
import { healthConsentRequest, recordReadingRequest } from '@shared/schemas/reading';
import { cancelStandRequest, generateStandsRequest, upsertServiceRequest } from '@shared/schemas/admin';
import { upsertVenueRequest } from '@shared/schemas/venue';
import { acceptRequest, exportQuery, inboxQuery, onBehalfRequest, rateRequest, replyRequest, replyTemplatesRequest, statsQuery, submissionSettingsRequest, submitRequest } from '@shared/schemas/submission';
import { photoUploadRequest } from '@shared/schemas/photo';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One entry per API route: its method and path, who may call it, its request schema. `public` must be said
 * out loud; a route that names no roles is denied to everyone (and fails the route-table test).
 */
export interface RouteSpec {
  method: HttpMethod;
  path: string;
  roles: readonly Role[] | 'public';
  body?: ZodTypeAny;
  /** Query string parameters, checked like a body (unknown ones rejected). */
  query?: ZodTypeAny;
  successStatus?: number;
  summary: string;
}

const EVERYONE_SIGNED_IN = ['resident', 'representative', 'staff', 'admin'] as const satisfies readonly Role[];
/** Who answers submissions; use cases further check the studio is their own. */
const REPRESENTATIVES = ['representative', 'admin'] as const satisfies readonly Role[];
/** The people of a studio; use cases further check that the stand or studio is their own. */
const STUDIO_PEOPLE = ['representative', 'staff', 'admin'] as const satisfies readonly Role[];

export const routes = {
  health: { method: 'GET', path: '/health', roles: 'public', summary: '健康检查' },
  signInWithWechat: { method: 'POST', path: '/auth/wechat', roles: 'public', body: wechatSignInRequest, summary: '用 wx.login 的 code 登录' },
  listPersonas: { method: 'GET', path: '/auth/local/personas', roles: 'public', summary: '本地演示身份列表（仅 local 环境）' },
  signInAsPersona: { method: 'POST', path: '/auth/local', roles: 'public', body: localSignInRequest, summary: '以演示身份登录（仅 local 环境）' },
  listLocalOutbox: { method: 'GET', path: '/local/outbox', roles: 'public', summary: '本地通知发件箱（仅 local 环境）' },
  getMe: { method: 'GET', path: '/me', roles: EVERYONE_SIGNED_IN, summary: '当前登录的用户' },
  createInvite: { method: 'POST', path: '/studios/{studioId}/invites', roles: ['admin'], body: createInviteRequest, successStatus: 201, summary: '管理员发放工作室邀请码' },
  redeemInvite: { method: 'POST', path: '/invites/redeem', roles: EVERYONE_SIGNED_IN, body: redeemInviteRequest, summary: '使用邀请码加入工作室' },
  getStandByScene: { method: 'GET', path: '/stands/by-scene/{scene}', roles: 'public', summary: '扫码进入：今天或下一次的服务点' },
  bookSlot: { method: 'POST', path: '/bookings', roles: EVERYONE_SIGNED_IN, body: bookSlotRequest, successStatus: 201, summary: '预约一个时段' },
  listMyBookings: { method: 'GET', path: '/me/bookings', roles: EVERYONE_SIGNED_IN, summary: '我的预约' },
  getMyBooking: { method: 'GET', path: '/bookings/{bookingId}', roles: EVERYONE_SIGNED_IN, summary: '我的一个预约（预约码）' },
  cancelMyBooking: { method: 'POST', path: '/bookings/{bookingId}/cancel', roles: EVERYONE_SIGNED_IN, summary: '取消预约' },
  listStudioStands: { method: 'GET', path: '/studios/{studioId}/stands', roles: STUDIO_PEOPLE, query: studioStandsQuery, summary: '工作室某天的服务点' },
  getStandQueue: { method: 'GET', path: '/stands/{standId}/queue', roles: STUDIO_PEOPLE, summary: '服务点工作台：各服务的排队' },
  checkIn: { method: 'POST', path: '/stands/{standId}/check-ins', roles: STUDIO_PEOPLE, body: checkInRequest, summary: '凭预约码签到' },
  addWalkIn: { method: 'POST', path: '/stands/{standId}/walk-ins', roles: STUDIO_PEOPLE, body: walkInRequest, successStatus: 201, summary: '现场取号' },
  callNext: { method: 'POST', path: '/stands/{standId}/services/{serviceId}/call-next', roles: STUDIO_PEOPLE, summary: '叫下一位' },
  markServed: { method: 'POST', path: '/stands/{standId}/entries/{entryId}/serve', roles: STUDIO_PEOPLE, summary: '完成服务' },
  recordReading: { method: 'POST', path: '/stands/{standId}/entries/{entryId}/reading', roles: STUDIO_PEOPLE, body: recordReadingRequest, successStatus: 201, summary: '记录血压读数（需居民单独同意）' },
  listMyReadings: { method: 'GET', path: '/me/readings', roles: EVERYONE_SIGNED_IN, summary: '我的健康读数与授权' },
  setHealthConsent: { method: 'PUT', path: '/me/consents/health-readings', roles: EVERYONE_SIGNED_IN, body: healthConsentRequest, summary: '同意或撤回保存健康读数' },
  deleteMyReading: { method: 'DELETE', path: '/me/readings/{readingId}', roles: EVERYONE_SIGNED_IN, summary: '删除一条健康读数' },
  listServices: { method: 'GET', path: '/studios/{studioId}/services', roles: STUDIO_PEOPLE, summary: '工作室的服务项目' },
  createService: { method: 'POST', path: '/studios/{studioId}/services', roles: ['admin'], body: upsertServiceRequest, successStatus: 201, summary: '新增服务项目' },
  updateService: { method: 'PUT', path: '/studios/{studioId}/services/{serviceId}', roles: ['admin'], body: upsertServiceRequest, summary: '修改服务项目' },
  listVenues: { method: 'GET', path: '/studios/{studioId}/venues', roles: STUDIO_PEOPLE, summary: '工作室的地点与排期' },
  createVenue: { method: 'POST', path: '/studios/{studioId}/venues', roles: ['admin'], body: upsertVenueRequest, successStatus: 201, summary: '新增地点与排期规则' },
  updateVenue: { method: 'PUT', path: '/studios/{studioId}/venues/{venueId}', roles: ['admin'], body: upsertVenueRequest, summary: '修改地点与排期规则' },
  generateStands: { method: 'POST', path: '/venues/{venueId}/stands/generate', roles: ['admin'], body: generateStandsRequest, summary: '按排期生成未来几周的服务点' },
  getVenuePoster: { method: 'GET', path: '/venues/{venueId}/poster', roles: ['admin'], summary: '地点的 A4 二维码海报（PDF）' },
  cancelStand: { method: 'POST', path: '/stands/{standId}/cancel', roles: ['admin'], body: cancelStandRequest, summary: '取消一次服务（通知已预约的居民）' },
  getStandSummary: { method: 'GET', path: '/stands/{standId}/summary', roles: STUDIO_PEOPLE, summary: '服务点小结' },
  createPhotoUpload: { method: 'POST', path: '/photo-uploads', roles: EVERYONE_SIGNED_IN, body: photoUploadRequest, successStatus: 201, summary: '申请上传一张照片（返回 5 分钟内有效的签名表单）' },
  submit: { method: 'POST', path: '/submissions', roles: EVERYONE_SIGNED_IN, body: submitRequest, successStatus: 201, summary: '提交意见建议' },
  listMySubmissions: { method: 'GET', path: '/me/submissions', roles: EVERYONE_SIGNED_IN, summary: '我的意见' },
  getMySubmission: { method: 'GET', path: '/submissions/{submissionId}', roles: EVERYONE_SIGNED_IN, summary: '我的一条意见与办理进程' },
  rateSubmission: { method: 'POST', path: '/submissions/{submissionId}/rating', roles: EVERYONE_SIGNED_IN, body: rateRequest, summary: '评价办理结果（不满意可重新办理一次）' },
  getBoard: { method: 'GET', path: '/studios/{studioId}/board', roles: 'public', summary: '公示墙' },
  getInbox: { method: 'GET', path: '/studios/{studioId}/inbox', roles: REPRESENTATIVES, query: inboxQuery, summary: '意见办理：待受理 / 办理中 / 已答复 / 已办结' },
  getStudioSubmission: { method: 'GET', path: '/studios/{studioId}/submissions/{submissionId}', roles: REPRESENTATIVES, summary: '一条意见的全部信息（含内部备注）' },
  acceptSubmission: { method: 'POST', path: '/submissions/{submissionId}/accept', roles: REPRESENTATIVES, body: acceptRequest, summary: '受理并三事分流' },
  replyToSubmission: { method: 'POST', path: '/submissions/{submissionId}/replies', roles: REPRESENTATIVES, body: replyRequest, summary: '答复（署名工作室，可公开）' },
  resolveSubmission: { method: 'POST', path: '/submissions/{submissionId}/resolve', roles: REPRESENTATIVES, summary: '办结' },
  approveForBoard: { method: 'POST', path: '/submissions/{submissionId}/approve-board', roles: REPRESENTATIVES, summary: '准予公示（内容待审核的意见）' },
  submitOnBehalf: { method: 'POST', path: '/studios/{studioId}/submissions', roles: STUDIO_PEOPLE, body: onBehalfRequest, successStatus: 201, summary: '代填意见（如纸质意见征询表）' },
  getStudioStats: { method: 'GET', path: '/studios/{studioId}/stats', roles: REPRESENTATIVES, query: statsQuery, summary: '工作室月度统计：响应率、解决率、满意率' },
  exportSubmissions: { method: 'GET', path: '/studios/{studioId}/submissions.csv', roles: REPRESENTATIVES, query: exportQuery, summary: '导出意见建议 CSV（手机号已遮蔽）' },
  getFollow: { method: 'GET', path: '/studios/{studioId}/follow', roles: EVERYONE_SIGNED_IN, summary: '是否关注工作室' },
  followStudio: { method: 'PUT', path: '/studios/{studioId}/follow', roles: EVERYONE_SIGNED_IN, summary: '关注工作室（公示墙更新时提醒）' },
  unfollowStudio: { method: 'DELETE', path: '/studios/{studioId}/follow', roles: EVERYONE_SIGNED_IN, summary: '取消关注' },
  listMyNotifications: { method: 'GET', path: '/me/notifications', roles: EVERYONE_SIGNED_IN, summary: '我的消息' },
  markNotificationsRead: { method: 'POST', path: '/me/notifications/read', roles: EVERYONE_SIGNED_IN, summary: '全部标为已读' },
  getSubmissionSettings: { method: 'GET', path: '/studios/{studioId}/submission-settings', roles: 'public', summary: '工作室的意见类别与办理时限' },
  saveSubmissionSettings: { method: 'PUT', path: '/studios/{studioId}/submission-settings', roles: ['admin'], body: submissionSettingsRequest, summary: '设置意见类别、办理时限与节假日' },
  getReplyTemplates: { method: 'GET', path: '/studios/{studioId}/reply-templates', roles: REPRESENTATIVES, summary: '工作室的答复模板' },
  saveReplyTemplates: { method: 'PUT', path: '/studios/{studioId}/reply-templates', roles: REPRESENTATIVES, body: replyTemplatesRequest, summary: '修改答复模板（带版本号，防止互相覆盖）' },
  getQueueScreen: { method: 'GET', path: '/stands/{standId}/screen', roles: 'public', summary: '服务点大屏：正在服务与下一位' },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
