/**
 * Writes a venue's A4 poster (PDF) to a file.
 *
 *   npx tsx scripts/venue-poster.ts [--out poster.pdf]
 *
 * renders a demo poster with sample data and a local-stage QR code (it points at the H5 build on
 * 127.0.0.1:10086). `writeVenuePosterFile` is the part to reuse with a real venue.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { venueScene } from '@shared/scene';
import { LocalVenueQrCodes } from '../functions/src/adapters/wechat/venue-qr-code';
import { renderVenuePoster, type VenuePosterInput } from '../functions/src/posters/venue-poster';

export async function writeVenuePosterFile(input: VenuePosterInput, outPath: string): Promise<{ path: string; bytes: number }> {
  const pdf = await renderVenuePoster(input);
  const path = resolve(outPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, pdf);
  return { path, bytes: pdf.length };
}

/** Sample data: the market days are real 逢三六九 days (lunar 16th, 19th, 23rd) after the date of making. */
export async function demoPosterInput(): Promise<VenuePosterInput> {
  const qrCodes = new LocalVenueQrCodes({ h5Base: 'http://127.0.0.1:10086' });
  return {
    studioName: '洛社镇党代表工作室',
    venueName: '洛社农贸集市',
    address: '洛社镇人民路 农贸市场东门',
    services: [
      { name: '量血压', description: '志愿医生现场测量，结果当场告诉您' },
      { name: '磨剪刀', description: '剪刀、菜刀现场打磨，自带刀具即可' },
      { name: '修鞋', description: '开胶、换跟、缝补，小活当场取' },
      { name: '家电维修', description: '小家电现场检修；大件可预约上门' },
    ],
    scheduleText: '农历逢三六九 08:00–11:30',
    nextDays: ['11月24日 周二（十月十六）', '11月27日 周五（十月十九）', '12月1日 周二（十月廿三）'],
    qrPng: await qrCodes.pngFor(venueScene('01JD5Z3Q8VKXW4H2N6R9T0B7CM')),
    generatedAt: new Date('2026-11-22T09:00:00+08:00'),
  };
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'poster.pdf' } } });
  const { path, bytes } = await writeVenuePosterFile(await demoPosterInput(), values.out ?? 'poster.pdf');
  console.log(`海报已生成：${path}（${(bytes / 1024).toFixed(1)} KB）`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
