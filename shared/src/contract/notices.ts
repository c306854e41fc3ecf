import { followResponse, markReadResponse, notificationsResponse } from '../schemas/notice';
import { defineRoutes } from './define';
import { EVERYONE_SIGNED_IN } from './roles';

/** Following a studio's board (关注) and the in-app list of notices (消息). */
export const noticeRoutes = defineRoutes({
  getFollow: { method: 'GET', path: '/studios/{studioId}/follow', roles: EVERYONE_SIGNED_IN, response: followResponse, summary: '是否关注工作室' },
  followStudio: { method: 'PUT', path: '/studios/{studioId}/follow', roles: EVERYONE_SIGNED_IN, response: followResponse, summary: '关注工作室（公示墙更新时提醒）' },
  unfollowStudio: { method: 'DELETE', path: '/studios/{studioId}/follow', roles: EVERYONE_SIGNED_IN, response: followResponse, summary: '取消关注' },
  listMyNotifications: { method: 'GET', path: '/me/notifications', roles: EVERYONE_SIGNED_IN, response: notificationsResponse, summary: '我的消息' },
  markNotificationsRead: { method: 'POST', path: '/me/notifications/read', roles: EVERYONE_SIGNED_IN, response: markReadResponse, summary: '全部标为已读' },
});
