import type { Principal } from '../auth/session-tokens';
import { NotFoundError } from '../errors';
import type { NoticesDeps } from './deps';

/** 关注: whether the caller follows a studio's public board. */
export async function getFollow(deps: NoticesDeps, principal: Principal, studioId: string): Promise<{ following: boolean }> {
  return { following: await deps.notifications.isFollowing(principal.userId, studioId) };
}

/** Follows or stops following a studio; followers hear of new public replies in their 消息 list. */
export async function setFollow(deps: NoticesDeps, principal: Principal, studioId: string, following: boolean): Promise<{ following: boolean }> {
  if (!(await deps.studios.getStudio(studioId))) throw new NotFoundError('没有找到这个工作室');
  if (following) await deps.notifications.follow(studioId, principal.userId, deps.now().toISOString());
  else await deps.notifications.unfollow(studioId, principal.userId);
  return { following };
}

/** 消息: the caller's latest notices, newest first, with the unread count. */
export async function listMyNotifications(deps: NoticesDeps, principal: Principal) {
  const notifications = (await deps.notifications.listRecent(principal.userId)).map(({ id, kind, title, body, page, at, read }) => ({ id, kind, title, body, page, at, read }));
  return { notifications, unread: notifications.filter((n) => !n.read).length };
}

export async function markNotificationsRead(deps: NoticesDeps, principal: Principal): Promise<{ unread: 0 }> {
  const unread = (await deps.notifications.listRecent(principal.userId)).filter((n) => !n.read).map((n) => n.id);
  await deps.notifications.markRead(principal.userId, unread);
  return { unread: 0 };
}
