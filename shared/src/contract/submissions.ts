import { photoUploadRequest, photoUploadResponse } from '../schemas/photo';
import {
  acceptRequest,
  boardQuery,
  boardResponse,
  exportQuery,
  inboxQuery,
  inboxResponse,
  mySubmissionsQuery,
  mySubmissionsResponse,
  onBehalfRequest,
  rateRequest,
  resolveRequest,
  replyRequest,
  revealedPhoneResponse,
  secondResponse,
  similarQuery,
  similarResponse,
  statsQuery,
  statsResponse,
  studioSubmissionView,
  submissionView,
  submitRequest,
} from '../schemas/submission';
import { defineRoutes } from './define';
import { EVERYONE_SIGNED_IN, REPRESENTATIVES, STUDIO_PEOPLE } from './roles';

/** 意见建议: the resident's submissions and photos, the public board, and the representatives' desk and reports. */
export const submissionRoutes = defineRoutes({
  createPhotoUpload: { method: 'POST', path: '/photo-uploads', roles: EVERYONE_SIGNED_IN, body: photoUploadRequest, response: photoUploadResponse, status: 201, summary: '申请上传一张照片（返回 5 分钟内有效的签名表单）' },
  submit: { method: 'POST', path: '/submissions', roles: EVERYONE_SIGNED_IN, body: submitRequest, response: submissionView, status: 201, summary: '提交意见建议' },
  listMySubmissions: { method: 'GET', path: '/me/submissions', roles: EVERYONE_SIGNED_IN, query: mySubmissionsQuery, response: mySubmissionsResponse, summary: '我的意见（分页）' },
  getMySubmission: { method: 'GET', path: '/submissions/{submissionId}', roles: EVERYONE_SIGNED_IN, response: submissionView, summary: '我的一条意见与办理进程' },
  chaseMySubmission: { method: 'POST', path: '/submissions/{submissionId}/chase', roles: EVERYONE_SIGNED_IN, response: submissionView, summary: '催办：过了办理期限还没有答复时，提醒工作室（每件一次）' },
  rateSubmission: { method: 'POST', path: '/submissions/{submissionId}/rating', roles: EVERYONE_SIGNED_IN, body: rateRequest, response: submissionView, summary: '评价办理结果（不满意可重新办理一次）' },
  getBoard: { method: 'GET', path: '/studios/{studioId}/board', roles: 'public', query: boardQuery, response: boardResponse, summary: '公示墙（分页）' },
  getInbox: { method: 'GET', path: '/studios/{studioId}/inbox', roles: REPRESENTATIVES, query: inboxQuery, response: inboxResponse, summary: '意见办理：待受理 / 办理中 / 已答复 / 已办结（各栏数目与一页意见）' },
  getStudioSubmission: { method: 'GET', path: '/studios/{studioId}/submissions/{submissionId}', roles: REPRESENTATIVES, response: studioSubmissionView, summary: '一条意见的全部信息（含内部备注）' },
  revealSubmissionPhone: { method: 'POST', path: '/studios/{studioId}/submissions/{submissionId}/phone', roles: REPRESENTATIVES, response: revealedPhoneResponse, summary: '显示完整手机号（记入操作记录）' },
  acceptSubmission: { method: 'POST', path: '/submissions/{submissionId}/accept', roles: REPRESENTATIVES, body: acceptRequest, response: studioSubmissionView, summary: '受理并三事分流' },
  replyToSubmission: { method: 'POST', path: '/submissions/{submissionId}/replies', roles: REPRESENTATIVES, body: replyRequest, response: studioSubmissionView, summary: '答复（署名工作室，可公开）' },
  resolveSubmission: { method: 'POST', path: '/submissions/{submissionId}/resolve', roles: REPRESENTATIVES, body: resolveRequest, response: studioSubmissionView, summary: '办结：已解决，或未解决并写明原因（只有已解决计入解决率）' },
  approveForBoard: { method: 'POST', path: '/submissions/{submissionId}/approve-board', roles: REPRESENTATIVES, response: studioSubmissionView, summary: '准予公示（内容待审核的意见）' },
  submitOnBehalf: { method: 'POST', path: '/studios/{studioId}/submissions', roles: STUDIO_PEOPLE, body: onBehalfRequest, response: studioSubmissionView, status: 201, summary: '代填意见（如纸质意见征询表）' },
  getStudioStats: { method: 'GET', path: '/studios/{studioId}/stats', roles: REPRESENTATIVES, query: statsQuery, response: statsResponse, summary: '工作室月度统计：响应率、解决率、满意率' },
  listSimilarSubmissions: { method: 'GET', path: '/studios/{studioId}/similar-submissions', roles: EVERYONE_SIGNED_IN, query: similarQuery, response: similarResponse, summary: '这些事已经有人反映过：提交前，本工作室近 90 天相似的公开意见（最多 3 条，内容已遮蔽）' },
  secondSubmission: { method: 'POST', path: '/submissions/{submissionId}/seconds', roles: EVERYONE_SIGNED_IN, response: secondResponse, summary: '附议：我也反映这件事（每人每件一次，重复附议不重复计数）' },
  exportSubmissions: { method: 'GET', path: '/studios/{studioId}/submissions.csv', roles: REPRESENTATIVES, query: exportQuery, response: { file: 'text/csv' }, summary: '导出意见建议 CSV（手机号已遮蔽）' },
});
