/**
 * Writes a venue's printable A4 poster (PDF) — the same poster as GET /venues/{venueId}/poster.
 *
 *   npm run poster                              # the demo market of `npm start` (which must be running)
 *   npm run poster -- --venue <venueId> --out 海报.pdf
 *
 * It reads the local stage's table in the running DynamoDB Local (LIANXIN_DYNAMODB_PORT, 8000) and draws the
 * local QR code, which opens the H5 build (LIANXIN_H5_PORT, 10086) with the venue's scene.
 */
import '../test/support/quiet-sdk-node-warning';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../functions/src/config';
import { buildContainer } from '../functions/src/wiring/container';
import { renderVenuePoster, type VenuePosterInput } from '../functions/src/posters/venue-poster';
import { posterInputFor } from '../functions/src/posters/venue-poster.use-case';
import { LOCAL_SESSION_SECRET, LOCAL_PHOTO_BUCKET, LOCAL_STAGE, LOCAL_TABLE } from './lib/stack';

export async function writeVenuePosterFile(input: VenuePosterInput, outPath: string): Promise<{ path: string; bytes: number }> {
  const pdf = await renderVenuePoster(input);
  const path = resolve(outPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, pdf);
  return { path, bytes: pdf.length };
}

async function main() {
  const { values } = parseArgs({ options: { venue: { type: 'string' }, out: { type: 'string', default: 'poster.pdf' } } });
  const dynamoPort = process.env.LIANXIN_DYNAMODB_PORT || '8000';
  const h5Port = process.env.LIANXIN_H5_PORT || '10086';
  const deps = buildContainer(
    loadConfig({
      STAGE: LOCAL_STAGE,
      TABLE_NAME: LOCAL_TABLE,
      AWS_REGION: 'local',
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamoPort}`,
      // the poster needs no photos; the local bucket's name keeps the configuration complete
      PHOTO_BUCKET: LOCAL_PHOTO_BUCKET,
      SESSION_SECRET: LOCAL_SESSION_SECRET,
      WECHAT_ADAPTER: 'local',
      LOCAL_H5_BASE: `http://127.0.0.1:${h5Port}`,
    }),
  );
  let venueId = values.venue;
  try {
    venueId ??= (await deps.personas.getDemoSeed())?.venueId;
  } catch {
    console.error(`✗ 连不上本地数据库（127.0.0.1:${dynamoPort}）：请先在另一个终端运行 npm start`);
    process.exit(1);
  }
  const venue = venueId ? await deps.stands.getVenue(venueId) : undefined;
  if (!venue) {
    console.error('✗ 没有找到这个地点：用 --venue <地点编号> 指定，或先运行 npm start 生成演示数据');
    process.exit(1);
  }
  const { path, bytes } = await writeVenuePosterFile(await posterInputFor(deps, venue), values.out ?? 'poster.pdf');
  console.log(`海报已生成：${path}（${(bytes / 1024).toFixed(1)} KB）— ${venue.name}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('✗ 生成海报失败：', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
