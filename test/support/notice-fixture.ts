import { ulid } from 'ulid';
import type { Notice, Notifier } from '../../functions/src/adapters/notify/notifier';
import type { Principal } from '../../functions/src/auth/session-tokens';
import { documentClient } from '../../functions/src/data/dynamodb-client';
import { forEachConcurrently } from '../../functions/src/data/concurrently';
import { submit } from '../../functions/src/submissions/submissions.use-case';
import { acceptSubmission } from '../../functions/src/submissions/submission-desk.use-case';
import type { bookingFixture } from './booking-fixture';
import { testDynamoEndpoint } from './tables';

type Fixture = Awaited<ReturnType<typeof bookingFixture>>;

/** DynamoDB requests made while `work` runs (no notice consumer runs meanwhile: the tests drain it themselves). */
export async function requestsOf(work: () => Promise<unknown>): Promise<number> {
  const client = documentClient({ region: 'local', endpoint: testDynamoEndpoint() });
  let requests = 0;
  client.middlewareStack.add((next) => async (args) => {
    requests += 1;
    return next(args);
  }, { step: 'initialize', name: 'countNoticeTestRequests' });
  try {
    await work();
  } finally {
    client.middlewareStack.remove('countNoticeTestRequests');
  }
  return requests;
}

/** `count` new residents (made a few at a time), who follow the demo studio when `following`. */
export async function residents(f: Fixture, count: number, following = false): Promise<Principal[]> {
  const ids = Array.from({ length: count }, () => ulid());
  const at = f.now.toISOString();
  await forEachConcurrently(ids, 16, async (id, i) => {
    await f.deps.users.createUserForOpenid({ id, displayName: `居民${i + 1}`, role: 'resident', createdAt: at }, `test-${id}`);
    if (following) await f.deps.notifications.follow(f.seed.studioId, id, at);
  });
  return ids.map((userId) => ({ userId, role: 'resident' }));
}

/** A public submission of `author`, accepted by a representative, ready for a public reply. */
export async function acceptedSubmission(f: Fixture, author: Principal, text: string): Promise<string> {
  const view = await submit(f.deps, author, { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text, public: true });
  await acceptSubmission(f.deps, f.principalOf('rep1'), view.id, { triage: 'minor' });
  return view.id;
}

/** The kinds of a resident's lines in 消息, newest first. */
export const kindsOf = async (f: Fixture, userId: string) => (await f.deps.notifications.listAllOfUser(userId)).map((n) => n.kind);

/** The local outbox's notifier, counting its calls per resident, answering for it where `answer` says. */
export function countingNotifier(inner: Notifier, answer: (notice: Notice, call: number) => 'failed' | 'skipped' | undefined = () => undefined) {
  const calls = new Map<string, number>();
  const notifier: Notifier = {
    async send(notice) {
      const call = (calls.get(notice.userId) ?? 0) + 1;
      calls.set(notice.userId, call);
      return answer(notice, call) ?? inner.send(notice);
    },
  };
  return { notifier, callsOf: (userId: string) => calls.get(userId) ?? 0 };
}
