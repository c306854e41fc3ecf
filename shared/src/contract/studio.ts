import { cancelStandRequest, cancelStandResponse, generateStandsRequest, generateStandsResponse, providerUnitsResponse, serviceView, servicesResponse, standSummaryResponse, upsertServiceRequest } from '../schemas/admin';
import { upsertVenueRequest, venueView, venuesResponse } from '../schemas/venue';
import { replyTemplatesRequest, replyTemplatesResponse, submissionSettingsRequest, submissionSettingsResponse } from '../schemas/submission';
import { auditLogResponse, auditQuery } from '../schemas/audit';
import { gridListingRequest, gridListingResponse, gridsResponse, gridView, upsertGridRequest } from '../schemas/grid';
import { defineRoutes } from './define';
import { ADMINS, GRID_HEADS, REPRESENTATIVES, STUDIO_PEOPLE } from './roles';

/** Setting a studio up: services, venues and their schedules, stands, categories and limits, reply templates; its audit trail. */
export const studioRoutes = defineRoutes({
  listServices: { method: 'GET', path: '/studios/{studioId}/services', roles: STUDIO_PEOPLE, response: servicesResponse, summary: '工作室的服务项目' },
  createService: { method: 'POST', path: '/studios/{studioId}/services', roles: ADMINS, body: upsertServiceRequest, response: serviceView, status: 201, summary: '新增服务项目' },
  updateService: { method: 'PUT', path: '/studios/{studioId}/services/{serviceId}', roles: ADMINS, body: upsertServiceRequest, response: serviceView, summary: '修改服务项目' },
  listProviderUnits: { method: 'GET', path: '/studios/{studioId}/provider-units', roles: ADMINS, response: providerUnitsResponse, summary: '可选的提供单位：本镇的成员单位' },
  listVenues: { method: 'GET', path: '/studios/{studioId}/venues', roles: STUDIO_PEOPLE, response: venuesResponse, summary: '工作室的地点与排期' },
  createVenue: { method: 'POST', path: '/studios/{studioId}/venues', roles: ADMINS, body: upsertVenueRequest, response: venueView, status: 201, summary: '新增地点与排期规则' },
  updateVenue: { method: 'PUT', path: '/studios/{studioId}/venues/{venueId}', roles: ADMINS, body: upsertVenueRequest, response: venueView, summary: '修改地点与排期规则' },
  generateStands: { method: 'POST', path: '/venues/{venueId}/stands/generate', roles: ADMINS, body: generateStandsRequest, response: generateStandsResponse, summary: '按排期生成未来几周的服务点' },
  cancelStand: { method: 'POST', path: '/stands/{standId}/cancel', roles: ADMINS, body: cancelStandRequest, response: cancelStandResponse, summary: '取消一次服务（通知已预约的居民）' },
  getStandSummary: { method: 'GET', path: '/stands/{standId}/summary', roles: STUDIO_PEOPLE, response: standSummaryResponse, summary: '服务点小结' },
  getSubmissionSettings: { method: 'GET', path: '/studios/{studioId}/submission-settings', roles: 'public', response: submissionSettingsResponse, summary: '工作室的意见类别与办理时限' },
  saveSubmissionSettings: { method: 'PUT', path: '/studios/{studioId}/submission-settings', roles: ADMINS, body: submissionSettingsRequest, response: submissionSettingsResponse, summary: '设置意见类别、办理时限与节假日' },
  getReplyTemplates: { method: 'GET', path: '/studios/{studioId}/reply-templates', roles: REPRESENTATIVES, response: replyTemplatesResponse, summary: '工作室的答复模板' },
  getAuditLog: { method: 'GET', path: '/studios/{studioId}/audit', roles: ADMINS, query: auditQuery, response: auditLogResponse, summary: '操作记录：谁查看或修改了什么（最新的在前）' },
  saveReplyTemplates: { method: 'PUT', path: '/studios/{studioId}/reply-templates', roles: REPRESENTATIVES, body: replyTemplatesRequest, response: replyTemplatesResponse, summary: '修改答复模板（带版本号，防止互相覆盖）' },
  listGrids: { method: 'GET', path: '/studios/{studioId}/grids', roles: 'public', response: gridsResponse, summary: '工作室的网格（院落）与公示的网格员' },
  createGrid: { method: 'POST', path: '/studios/{studioId}/grids', roles: ADMINS, body: upsertGridRequest, response: gridView, status: 201, summary: '新增网格' },
  updateGrid: { method: 'PUT', path: '/studios/{studioId}/grids/{gridId}', roles: ADMINS, body: upsertGridRequest, response: gridView, summary: '修改网格名称与范围' },
  setGridListing: { method: 'PUT', path: '/grids/{gridId}/listing', roles: GRID_HEADS, body: gridListingRequest, response: gridListingResponse, summary: '网格员同意（或不再同意）在工作室页面公示姓名' },
});
