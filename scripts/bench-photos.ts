/**
 * `npm run bench:photos` — what a submission with photos costs on this machine, end to end through the real parts:
 * DynamoDB Local and the local S3 server (s3rver), the same use cases the Lambdas run. Prints figures; asserts nothing.
 *
 * Per round: sign 3 upload forms, POST 3 photos of ~300 KB (a WeChat-compressed phone photo) straight to storage,
 * then submit naming them (the API inspects each photo's first bytes and size, tags it attached, stores the
 * submission), then read it back with signed photo addresses.
 */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { loadConfig } from '../functions/src/config';
import { buildContainer } from '../functions/src/wiring/container';
import { seedDemoData } from '../functions/src/local/demo-seed';
import { createPhotoUpload } from '../functions/src/submissions/photos.use-case';
import { getMySubmission, submit } from '../functions/src/submissions/submissions.use-case';
import { startDynamoLocal } from './lib/dynamodb-local';
import { freePort } from './lib/ports';
import { startS3Local } from './lib/s3-local';
import { ensureTable } from './lib/table';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PHOTO_BYTES = 300 * 1024;

function jpeg(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(bytes);
  return bytes;
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms · max ${sorted.at(-1)!.toFixed(1)} ms`;
};

async function main() {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const s3 = await startS3Local({ port: await freePort(), bucket: 'lianxin-photos-bench' });
  try {
    await ensureTable(dynamo.endpoint, 'lianxin-bench');
    const deps = buildContainer(
      loadConfig({ STAGE: 'local', TABLE_NAME: 'lianxin-bench', AWS_REGION: 'local', DYNAMODB_ENDPOINT: dynamo.endpoint, PHOTO_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, SESSION_SECRET: 'bench-session-secret-that-is-long-enough-0123', WECHAT_ADAPTER: 'local' }),
    );
    const seed = await seedDemoData(deps);
    const timings = { sign: [] as number[], upload: [] as number[], submit: [] as number[], read: [] as number[] };
    const photo = jpeg(PHOTO_BYTES);
    for (let round = 0; round < ROUNDS + 2; round += 1) {
      const id = ulid();
      await deps.users.createUserForOpenid({ id, displayName: `居民${round}`, role: 'resident', createdAt: new Date().toISOString() }, `bench-${id}`);
      const resident = { userId: id, role: 'resident' as const };
      let t = performance.now();
      const forms = [];
      for (let i = 0; i < 3; i += 1) forms.push(await createPhotoUpload(deps, resident, { contentType: 'image/jpeg', size: photo.length }));
      const sign = performance.now() - t;
      t = performance.now();
      await Promise.all(
        forms.map(async (form) => {
          const body = new FormData();
          for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
          body.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
          const res = await fetch(form.url, { method: 'POST', body });
          if (!res.ok) throw new Error(`upload answered ${res.status}`);
        }),
      );
      const upload = performance.now() - t;
      t = performance.now();
      const view = await submit(deps, resident, { requestId: ulid(), studioId: seed.studioId, category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', public: true, photos: forms.map((f) => f.key) });
      const submitted = performance.now() - t;
      t = performance.now();
      await getMySubmission(deps, resident, view.id);
      const read = performance.now() - t;
      if (round < 2) continue; // warm-up
      timings.sign.push(sign);
      timings.upload.push(upload);
      timings.submit.push(submitted);
      timings.read.push(read);
    }
    console.log(`Submissions with 3 photos of ${PHOTO_BYTES / 1024} KB, ${ROUNDS} rounds (DynamoDB Local + s3rver on this machine):`);
    console.log(`  sign 3 upload forms          ${stats(timings.sign)}`);
    console.log(`  upload 3 photos (parallel)   ${stats(timings.upload)}`);
    console.log(`  submit (check 3 photos, tag, store)  ${stats(timings.submit)}`);
    console.log(`  read back with signed URLs   ${stats(timings.read)}`);
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(`  this process' resident memory at the end: ${rss.toFixed(0)} MB`);
  } finally {
    await s3.stop();
    await dynamo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
