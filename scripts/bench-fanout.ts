/**
 * `npm run bench:fanout` — whether a representative's public reply still waits for the studio's followers. Through the
 * real parts on this machine: DynamoDB Local and the use case the submissions Lambda runs (`replyToSubmission`).
 * Prints figures; asserts nothing.
 *
 * Two studios, one with no followers and one with FOLLOWERS (500); replies to accepted public submissions of each,
 * interleaved (A B, B A, A B …) so that a slow moment of the machine hits both alike; medians, p95 and the ratio
 * (target ≤ 1.2×: the reply writes one fan-out request in its transaction, whatever the number of followers).
 * Before the rounds, the notice consumer — the deployed handler, fed by DynamoDB Local's stream as under `npm start` —
 * delivers one reply's fan-out, and its rate is printed (the rounds' own notices are left undelivered).
 */
import { ulid } from 'ulid';
import type { Principal } from '../functions/src/auth/session-tokens';
import { loadConfig } from '../functions/src/config';
import { forEachConcurrently } from '../functions/src/data/concurrently';
import { lambdas } from '../functions/src/deployment';
import { setLogLevel } from '../functions/src/log';
import { seedDemoData } from '../functions/src/local/demo-seed';
import { noticeStreamHandler } from '../functions/src/notices/notice-stream';
import { acceptSubmission, replyToSubmission } from '../functions/src/submissions/submission-desk.use-case';
import { submit } from '../functions/src/submissions/submissions.use-case';
import { buildContainer } from '../functions/src/wiring/container';
import { startDynamoLocal } from './lib/dynamodb-local';
import { freePort } from './lib/ports';
import { createStreamPoller } from './lib/stream-poller';
import { ensureTable } from './lib/table';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 500);
const WARM_UP = 2;
const TABLE = 'lianxin-bench-fanout';

const quantile = (ms: number[], q: number) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const stats = (ms: number[]) => `median ${quantile(ms, 0.5).toFixed(1)} ms · p95 ${quantile(ms, 0.95).toFixed(1)} ms · max ${Math.max(...ms).toFixed(1)} ms`;

async function main() {
  setLogLevel('WARN');
  const dynamo = await startDynamoLocal({ port: await freePort() });
  try {
    await ensureTable(dynamo.endpoint, TABLE);
    const cfg = loadConfig({ STAGE: 'local', TABLE_NAME: TABLE, AWS_REGION: 'local', DYNAMODB_ENDPOINT: dynamo.endpoint, PHOTO_BUCKET: 'lianxin-photos-bench', SESSION_SECRET: 'bench-session-secret-that-is-long-enough-0123', WECHAT_ADAPTER: 'local' });
    const deps = buildContainer(cfg);
    const seed = await seedDemoData(deps);
    const at = new Date().toISOString();

    // Studio A (the demo studio) has no followers; studio B, a copy of it, has FOLLOWERS. A representative each.
    const studioA = seed.studioId;
    const studioB = ulid();
    await deps.studios.putStudio({ ...(await deps.studios.getStudio(studioA))!, id: studioB, name: '测试镇党代表工作室' });
    const representativeOf = async (studioId: string): Promise<Principal> => {
      const id = ulid();
      await deps.users.createUserForOpenid({ id, displayName: '代表', role: 'representative', studioId, createdAt: at }, `bench-${id}`);
      await deps.studios.putMember({ studioId, userId: id, role: 'representative', displayName: '代表', joinedAt: at });
      return { userId: id, role: 'representative', studioId };
    };
    const reps = { [studioA]: await representativeOf(studioA), [studioB]: await representativeOf(studioB) };
    /** A resident of their own per submission (a resident may submit 5 times in ten minutes). */
    const newAuthor = async (): Promise<Principal> => {
      const id = ulid();
      await deps.users.createUserForOpenid({ id, displayName: '居民', role: 'resident', createdAt: at }, `bench-${id}`);
      return { userId: id, role: 'resident' };
    };
    const followers = Array.from({ length: FOLLOWERS }, () => ulid());
    await forEachConcurrently(followers, 16, async (id, i) => {
      await deps.users.createUserForOpenid({ id, displayName: `关注者${i + 1}`, role: 'resident', createdAt: at }, `bench-${id}`);
      await deps.notifications.follow(studioB, id, at);
    });

    const accepted = async (studioId: string) => {
      const view = await submit(deps, await newAuthor(), { requestId: ulid(), studioId, category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', public: true });
      await acceptSubmission(deps, reps[studioId]!, view.id, { triage: 'minor' });
      return view.id;
    };
    const timeReply = async (studioId: string) => {
      const id = await accepted(studioId);
      const t = performance.now();
      await replyToSubmission(deps, reps[studioId]!, id, { text: '已安排环卫所清运，并增加一个垃圾桶。', public: true });
      return performance.now() - t;
    };

    // The notice consumer first: one reply's fan-out to the FOLLOWERS, delivered (in-app 消息 + the local outbox) by the
    // deployed handler fed by DynamoDB Local's stream, as under npm start.
    await timeReply(studioB);
    const poller = createStreamPoller({ endpoint: dynamo.endpoint, tableName: TABLE, handler: noticeStreamHandler(deps), settings: lambdas.deliverNotices!.stream! });
    const t = performance.now();
    await poller.drain();
    const seconds = (performance.now() - t) / 1000;
    await poller.stop();

    const none: number[] = [];
    const many: number[] = [];
    for (let round = 0; round < ROUNDS + WARM_UP; round += 1) {
      // A B, then B A: neither always goes first
      const [a, b] = round % 2 === 0 ? [await timeReply(studioA), await timeReply(studioB)] : [await timeReply(studioB), await timeReply(studioA)].reverse();
      if (round < WARM_UP) continue;
      none.push(a!);
      many.push(b!);
    }
    console.log(`A public reply (replyToSubmission on DynamoDB Local), ${ROUNDS} rounds interleaved after ${WARM_UP} of warm-up:`);
    console.log(`  studio with no followers        ${stats(none)}`);
    console.log(`  studio with ${String(FOLLOWERS).padEnd(4)} followers      ${stats(many)}`);
    console.log(`  ratio of the medians            ${(quantile(many, 0.5) / quantile(none, 0.5)).toFixed(2)}× (target ≤ 1.2×)`);
    console.log(
      `Afterwards, the notice consumer: one fan-out to ${FOLLOWERS} followers and the author's own notices, ${poller.delivered} stream records, delivered in ${seconds.toFixed(1)} s ` +
        `(~${Math.round(poller.delivered / seconds)} per second, ${poller.deadLetters.length} dead letters; one process on DynamoDB Local, ~6 requests per delivery)`,
    );
  } finally {
    await dynamo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
