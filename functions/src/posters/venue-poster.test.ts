import { inflateSync } from 'node:zlib';
import { venueScene } from '@shared/scene';
import { LocalVenueQrCodes } from '../adapters/wechat/venue-qr-code';
import { renderVenuePoster, type VenuePosterInput } from './venue-poster';

/**
 * Reads a pdfkit PDF back without poppler: the objects, their (Flate) streams, each Type0 font's ToUnicode
 * CMap, and the text shown in the page's content streams (TJ arrays of glyph ids under `/Fn size Tf`).
 */
function readPdf(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2];
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = streamAt + body.slice(streamAt).indexOf('\n') + 1;
    const data = Buffer.from(body.slice(start, body.lastIndexOf('endstream')).replace(/\r?\n$/, ''), 'latin1');
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(data) : data });
  }

  const cmapOf = (objectId: number): Map<number, string> => {
    const cmap = new Map<number, string>();
    const text = objects.get(objectId)!.stream!.toString('latin1');
    for (const [, start, , list] of text.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      [...list.matchAll(/<([0-9a-f ]+)>/gi)].forEach(([, hex], i) => {
        cmap.set(parseInt(start, 16) + i, Buffer.from(hex.replace(/ /g, ''), 'hex').swap16().toString('utf16le'));
      });
    }
    return cmap;
  };
  const fonts = new Map<string, { baseFont: string; cmap: Map<number, string> }>();
  for (const [, name, id] of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(Number(id))!.dict;
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font);
    fonts.set(name, { baseFont: /\/BaseFont \/(\S+)/.exec(font)![1], cmap: toUnicode ? cmapOf(Number(toUnicode[1])) : new Map() });
  }

  let text = '';
  for (const { stream } of objects.values()) {
    const content = stream?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(content)) continue;
    let font: string | undefined;
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ|\bET\b/gi)) {
      if (op[1]) font = op[1];
      else if (op[0] === 'ET') text += '\n';
      else {
        for (const [, hex] of op[2].matchAll(/<([0-9a-f]*)>/gi)) {
          for (let i = 0; i < hex.length; i += 4) text += fonts.get(font!)?.cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
        }
      }
    }
  }
  return { raw, objects, fonts, text };
}

const squash = (s: string) => s.replace(/\s+/g, '');

const qrCodes = new LocalVenueQrCodes({ h5Base: 'http://127.0.0.1:10086' });

async function fixture(overrides: Partial<VenuePosterInput> = {}): Promise<VenuePosterInput> {
  return {
    studioName: '洛社镇党代表工作室',
    venueName: '洛社农贸集市',
    address: '洛社镇人民路 农贸市场东门',
    services: [
      { name: '量血压', description: '志愿医生现场测量，结果当场告诉您' },
      { name: '磨剪刀', description: '剪刀、菜刀现场打磨' },
      { name: '修鞋', description: '开胶、换跟，小活当场取' },
      { name: '家电维修', description: '小家电现场检修；大件可预约上门' },
    ],
    scheduleText: '农历逢三六九 08:00–11:30',
    nextDays: ['11月24日 周二（十月十六）', '11月27日 周五（十月十九）', '12月1日 周二（十月廿三）'],
    qrPng: await qrCodes.pngFor(venueScene('01JD5Z3Q8VKXW4H2N6R9T0B7CM')),
    // 01:30 UTC is already the 23rd in China.
    generatedAt: new Date('2026-11-22T17:30:00Z'),
    ...overrides,
  };
}

describe('renderVenuePoster', () => {
  let input: VenuePosterInput;
  let pdf: Buffer;
  let parsed: ReturnType<typeof readPdf>;

  beforeAll(async () => {
    input = await fixture();
    pdf = await renderVenuePoster(input);
    parsed = readPdf(pdf);
  });

  it('is a one-page A4 portrait PDF well under 1 MB', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    const pages = [...parsed.raw.matchAll(/\/Type \/Page\b(?!s)/g)];
    expect(pages).toHaveLength(1);
    expect(parsed.raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    // In fact tens of kilobytes: the fonts are subsets.
    expect(pdf.length).toBeLessThan(150 * 1024);
  });

  it('embeds Noto Sans SC regular and bold as subsets, with ToUnicode maps', () => {
    const baseFonts = [...parsed.fonts.values()].map((f) => f.baseFont);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+/); // the subset tag
    expect(baseFonts.map((name) => name.slice(7)).sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    for (const { cmap } of parsed.fonts.values()) expect(cmap.size).toBeGreaterThan(10);
    const fontFiles = [...parsed.raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => parsed.objects.get(Number(id))!);
    expect(fontFiles).toHaveLength(2);
    for (const file of fontFiles) {
      expect(['00010000', '74727565']).toContain(file.stream!.toString('hex', 0, 4)); // a TrueType font: sfnt 1.0 or 'true'
      expect(file.stream!.length).toBeLessThan(100 * 1024); // the full weight is 10.5 MB
    }
  });

  it('shows every piece of the input as real (searchable, copyable) Chinese text', () => {
    const text = squash(parsed.text);
    expect(parsed.text).not.toContain('\uFFFD');
    const expected = [
      input.studioName,
      '流动服务点 · 扫码预约 / 提意见',
      input.venueName,
      `地址：${input.address}`,
      '微信扫一扫，查看今天的服务、预约、提意见建议',
      '服务项目',
      ...input.services.flatMap((s) => [s.name, s.description]),
      '服务时间',
      input.scheduleText,
      '近期集市日',
      ...input.nextDays,
      '没有智能手机？',
      '制作于 2026年11月23日', // China's date, not UTC's
    ];
    for (const piece of expected) expect(text).toContain(squash(piece));
  });

  it('places the QR code image at its own resolution, 9 cm or more across', async () => {
    const image = [...parsed.objects.values()].find((o) => /\/Subtype \/Image/.test(o.dict));
    expect(image).toBeDefined();
    const width = Number(/\/Width (\d+)/.exec(image!.dict)![1]);
    expect(width).toBe(input.qrPng.readUInt32BE(16)); // the PNG's IHDR width: embedded as is, not resampled
    // The drawing matrix of the image: `w 0 0 -h x y cm /I1 Do` (pdfkit flips y).
    const content = [...parsed.objects.values()].map((o) => o.stream?.toString('latin1') ?? '').find((c) => /\/I\d+ Do/.test(c))!;
    const [, drawnWidth] = /([\d.]+) 0 0 -?[\d.]+ [\d.]+ [\d.]+ cm\s*\/I\d+ Do/.exec(content)!;
    expect(Number(drawnWidth) / (72 / 2.54)).toBeGreaterThan(8.999); // 9 cm, as rounded in the content stream
  });

  it('stays on one page with long names, many services and a long schedule, and says what it left out', async () => {
    const long = await fixture({
      studioName: '无锡市惠山区洛社镇新开河村与石塘湾村联合党代表工作室（第二联络组）',
      venueName: '洛社镇新开河村、石塘湾村、杨市农贸集市及周边早市流动服务点（东区入口）',
      address: '江苏省无锡市惠山区洛社镇人民路与新开河路交叉口向东二百米农贸市场东门北侧停车场旁',
      services: Array.from({ length: 13 }, (_, i) => ({
        name: `第${i + 1}项服务的名称比较长`,
        description: '一段比较长的服务说明文字，用来检查两行以内的截断，超出部分用省略号代替，不会挤到第二页。',
      })),
      scheduleText: '农历逢三六九以及每月第一个星期六 上午 08:00–11:30 下午 14:00–16:30（雨天顺延）',
      nextDays: Array.from({ length: 8 }, (_, i) => `12月${i + 1}日 周二（冬月初${i + 1}）`),
    });
    const poster = await renderVenuePoster(long);
    const { raw, text } = readPdf(poster);
    expect([...raw.matchAll(/\/Type \/Page\b(?!s)/g)]).toHaveLength(1);
    expect(squash(text)).toMatch(/另有\d+项服务，扫码查看全部/);
    expect(squash(text)).toContain('第1项服务');
  });

  it('names the member unit that provides a service (由…提供)', async () => {
    const services = [...input.services, { name: '义诊', description: '量血压、测血糖、健康咨询', providerName: '洛社镇卫生院' }];
    const { text } = readPdf(await renderVenuePoster(await fixture({ services })));
    expect(squash(text)).toContain('义诊由洛社镇卫生院提供量血压'); // the description kept to one line under it
    expect(squash(text)).not.toContain('另有');
    expect(squash(text).match(/提供/g)).toHaveLength(1);
  });

  it('copes with no services and no upcoming days', async () => {
    const poster = await renderVenuePoster(await fixture({ services: [], nextDays: [] }));
    const { raw, text } = readPdf(poster);
    expect([...raw.matchAll(/\/Type \/Page\b(?!s)/g)]).toHaveLength(1);
    expect(squash(text)).toContain('扫码查看当天的服务');
    expect(text).not.toContain('近期集市日');
  });
});
