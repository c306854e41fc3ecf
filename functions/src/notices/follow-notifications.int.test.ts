import { ulid } from 'ulid';
import { submit } from '../submissions/submissions.use-case';
import { acceptSubmission, replyToSubmission } from '../submissions/submission-desk.use-case';
import { getFollow, listMyNotifications, markNotificationsRead, setFollow } from './follows.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { drainNotices } from '../../../test/support/notice-stream';

// 关注 and 消息 against DynamoDB Local: the resident's own news, and the board's news for followers.
describe('follows and in-app notifications (DynamoDB Local)', () => {
  it('tells the resident of each step and followers of new public answers, and marks them read', async () => {
    const f = await bookingFixture(new Date());
    const rep = f.principalOf('rep1');
    const [author, follower, bystander] = await f.newResidents(3);
    expect(await setFollow(f.deps, follower, f.seed.studioId, true)).toEqual({ following: true });
    expect(await getFollow(f.deps, follower, f.seed.studioId)).toEqual({ following: true });
    await setFollow(f.deps, author, f.seed.studioId, true);

    const view = await submit(f.deps, author, { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text: '公厕很久没人打扫了，味道很大', public: true });
    await acceptSubmission(f.deps, rep, view.id, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, view.id, { text: '已安排保洁每天两次打扫。', public: true });
    await drainNotices(f); // delivered by the notice consumer, fed by the table's stream

    const mine = await listMyNotifications(f.deps, author);
    expect(mine.notifications.map((n) => n.title)).toEqual(['您的意见有了答复', '您的意见有了新进展']);
    expect(mine.unread).toBe(2);
    expect(mine.notifications[0].page).toBe(`pages/submission/index?id=${view.id}`);

    const theirs = await listMyNotifications(f.deps, follower);
    expect(theirs.notifications).toEqual([expect.objectContaining({ kind: 'board_update', title: '关注的公示墙有更新', read: false })]);
    expect((await listMyNotifications(f.deps, bystander)).notifications).toEqual([]);

    expect(await markNotificationsRead(f.deps, author)).toEqual({ unread: 0 });
    expect((await listMyNotifications(f.deps, author)).notifications.every((n) => n.read)).toBe(true);

    await setFollow(f.deps, follower, f.seed.studioId, false);
    expect(await getFollow(f.deps, follower, f.seed.studioId)).toEqual({ following: false });
    expect(await f.deps.notifications.listFollowers(f.seed.studioId)).toEqual([author.userId]);
  }, 60_000);
});
