import { noticeRoutes } from '@shared/contract/notices';
import { createRouter } from '../http/router';
import { noticesDeps } from './deps';
import { getFollow, listMyNotifications, markNotificationsRead, setFollow } from './follows.use-case';

export const handler = createRouter(
  noticeRoutes,
  {
    getFollow: ({ deps, principal, params }) => getFollow(deps, principal, params.studioId),
    followStudio: ({ deps, principal, params }) => setFollow(deps, principal, params.studioId, true),
    unfollowStudio: ({ deps, principal, params }) => setFollow(deps, principal, params.studioId, false),
    listMyNotifications: ({ deps, principal }) => listMyNotifications(deps, principal),
    markNotificationsRead: ({ deps, principal }) => markNotificationsRead(deps, principal),
  },
  noticesDeps,
);
