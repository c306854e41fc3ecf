import { readFileSync } from 'node:fs';
import { chinaDate } from '@shared/time';

// `require`, not `import`: for an import, esbuild picks pdfkit's ESM build, whose module scope evaluates
// `new URL('./data/…icc', import.meta.url)`, and in a CommonJS bundle (serverless-esbuild, format: cjs)
// `import.meta.url` is undefined, so the handler would crash on load. `require` selects pdfkit's CJS build.
const PDFDocument = require('pdfkit') as typeof import('pdfkit');

/** What a venue's printed poster shows. Dates arrive already formatted for people (China time). */
export interface VenuePosterInput {
  studioName: string;
  venueName: string;
  address: string;
  /** `providerName`: the member unit (成员单位) that provides it, printed as 由…提供. */
  services: { name: string; description: string; providerName?: string }[];
  /** e.g. `农历逢三六九 08:00–11:30` */
  scheduleText: string;
  /** e.g. `['11月23日 周一（十月初五）', …]` */
  nextDays: string[];
  /** The venue's permanent QR code (PNG or JPEG), from `VenueQrCodes.pngFor(venueScene(venueId))`. */
  qrPng: Buffer;
  generatedAt: Date;
}

export interface VenuePosterFonts {
  /** A path or the bytes of a TrueType/OpenType font with Simplified Chinese. */
  regular: string | Buffer;
  bold: string | Buffer;
}

/**
 * Noto Sans SC (SIL Open Font License 1.1), full character set, as shipped by the npm package
 * `@expo-google-fonts/noto-sans-sc`. Resolved at run time, so esbuild leaves them out of the bundle: a Lambda
 * that renders posters must list both files under its `package.patterns` in serverless.yml, which puts them
 * at `node_modules/@expo-google-fonts/noto-sans-sc/…` in its zip, where `require.resolve` finds them.
 */
export const POSTER_FONT_MODULES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

let defaultFonts: { regular: Buffer; bold: Buffer } | undefined;

/** The packaged fonts, read once per container (about 10 MB each; pdfkit embeds only the glyphs used). */
function packagedFonts(): { regular: Buffer; bold: Buffer } {
  defaultFonts ??= {
    regular: readFileSync(require.resolve(POSTER_FONT_MODULES.regular)),
    bold: readFileSync(require.resolve(POSTER_FONT_MODULES.bold)),
  };
  return defaultFonts;
}

// A4 portrait in PostScript points (1 cm = 28.35 pt). The 1.25 cm margin suits office printers, which cannot
// print to the paper's edge.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const CM = 72 / 2.54;
/** The QR code: 9 cm square, big enough to scan from a step or two away. */
const QR_SIZE = 9 * CM;

// High contrast for older readers: near-black on white, white on a deep red that passes WCAG AA (> 6:1).
const RED = '#B0141B';
const INK = '#111111';
const SECOND = '#2B2B2B';
const RULE = '#B0141B';

const REGULAR = 'poster-regular';
const BOLD = 'poster-bold';

type Doc = PDFKit.PDFDocument;

interface Line {
  text: string;
  font: typeof REGULAR | typeof BOLD;
  size: number;
  color: string;
  /** Space after the line, in points at scale 1. */
  after: number;
  /** At most this many wrapped lines; the rest is cut with an ellipsis. */
  maxLines?: number;
  indent?: number;
  /** Wrap only at spaces where possible (`农历逢三六九 / 08:00–11:30`, not `…08:00– / 11:30`). */
  keepWords?: boolean;
}

/** Puts line breaks at spaces so that each piece fits `width`; a piece wider than that is left to pdfkit. */
function wrapAtSpaces(doc: Doc, text: string, width: number): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || doc.widthOfString(candidate) <= width) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  return [...lines, current].join('\n');
}

function lineText(doc: Doc, line: Line, width: number): string {
  return line.keepWords ? wrapAtSpaces(doc, line.text, width) : line.text;
}

function style(doc: Doc, line: Pick<Line, 'font' | 'size'>, scale = 1): Doc {
  return doc.font(line.font).fontSize(line.size * scale);
}

function lineHeight(doc: Doc, line: Line, width: number, scale: number): number {
  style(doc, line, scale);
  const oneLine = doc.currentLineHeight(true);
  const textWidth = width - (line.indent ?? 0) * scale;
  const full = doc.heightOfString(lineText(doc, line, textWidth), { width: textWidth });
  return Math.min(full, oneLine * (line.maxLines ?? Infinity));
}

function blockHeight(doc: Doc, lines: Line[], width: number, scale: number): number {
  return lines.reduce((sum, line) => sum + lineHeight(doc, line, width, scale) + line.after * scale, 0);
}

function drawBlock(doc: Doc, lines: Line[], x: number, y: number, width: number, scale: number): number {
  let cursor = y;
  for (const line of lines) {
    const height = lineHeight(doc, line, width, scale);
    const indent = (line.indent ?? 0) * scale;
    style(doc, line, scale)
      .fillColor(line.color)
      .text(lineText(doc, line, width - indent), x + indent, cursor, { width: width - indent, height: height + 0.5, ellipsis: '…', lineBreak: true });
    cursor += height + line.after * scale;
  }
  return cursor;
}

/** The largest size (down to `min`) at which `text` fits on one line of `width`. */
function fitOneLine(doc: Doc, text: string, font: string, max: number, min: number, width: number): number {
  for (let size = max; size > min; size -= 1) {
    if (doc.font(font).fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}

/** One line, centred, shrunk to fit; if even the smallest size is too wide, cut with an ellipsis. */
function centredLine(doc: Doc, text: string, opts: { font: string; max: number; min: number; color: string; y: number; width?: number }): number {
  const width = opts.width ?? CONTENT_WIDTH;
  const size = fitOneLine(doc, text, opts.font, opts.max, opts.min, width);
  doc.font(opts.font).fontSize(size).fillColor(opts.color);
  const height = doc.currentLineHeight(true);
  doc.text(text, MARGIN + (CONTENT_WIDTH - width) / 2, opts.y, { width, align: 'center', height: height + 0.5, ellipsis: '…', lineBreak: true });
  return opts.y + height;
}

/** The schedule beside the QR code: when the stand is there, and the next market days. */
function scheduleLines(input: VenuePosterInput): Line[] {
  const days = input.nextDays.slice(0, 4);
  return [
    { text: '服务时间', font: BOLD, size: 21, color: RED, after: 6 },
    { text: input.scheduleText, font: BOLD, size: 20, color: INK, after: 16, maxLines: 4, keepWords: true },
    ...(days.length
      ? [
          { text: '近期集市日', font: BOLD, size: 18, color: RED, after: 6 } as Line,
          ...days.map((day): Line => ({ text: day, font: REGULAR, size: 17, color: INK, after: 7, maxLines: 2, keepWords: true })),
        ]
      : []),
  ];
}

/**
 * The services as cards across the page: two columns for up to four, three for more. All are shown if the
 * type may shrink to 80 % for them; otherwise as many as fit at full size, and the heading says how many more.
 */
function drawServices(doc: Doc, services: VenuePosterInput['services'], top: number, bottom: number) {
  const columns = services.length <= 4 ? 2 : 3;
  const gutter = columns === 2 ? 24 : 16;
  const columnWidth = (CONTENT_WIDTH - gutter * (columns - 1)) / columns;
  const heading: Line = { text: '服务项目', font: BOLD, size: 21, color: RED, after: 8 };
  const card = (s: VenuePosterInput['services'][number]): Line[] => [
    { text: s.name, font: BOLD, size: 21, color: INK, after: 2, maxLines: 1, indent: 16 },
    // a member unit's service says who provides it, in the room of the description's second line
    ...(s.providerName ? [{ text: `由${s.providerName}提供`, font: REGULAR, size: 16, color: RED, after: 0, maxLines: 1, indent: 16 } as Line] : []),
    ...(s.description ? [{ text: s.description, font: REGULAR, size: 16, color: SECOND, after: 0, maxLines: s.providerName ? 1 : 2, indent: 16 } as Line] : []),
  ];
  const rowGap = 10;
  const layout = (shown: number, scale: number) => {
    const rows: number[] = [];
    for (let i = 0; i < shown; i += columns) {
      rows.push(Math.max(...services.slice(i, i + columns).map((s) => blockHeight(doc, card(s), columnWidth, scale))));
    }
    const height = blockHeight(doc, [heading], CONTENT_WIDTH, scale) + rows.reduce((sum, h) => sum + h + rowGap * scale, 0) - rowGap * scale;
    return { rows, height };
  };

  let scale = 1;
  let shown = services.length;
  search: for (; shown > 0; shown -= 1) {
    const smallest = shown === services.length ? 0.8 : 1;
    for (scale = 1; scale >= smallest - 0.001; scale -= 0.05) if (layout(shown, scale).height <= bottom - top) break search;
  }
  if (shown === 0) scale = 1;
  const { rows } = layout(shown, scale);

  let y = drawBlock(doc, [heading], MARGIN, top, CONTENT_WIDTH, scale);
  const hidden = services.length - shown;
  if (hidden > 0) {
    // On the heading's line, flush right: no extra height.
    const more: Line = { text: `另有 ${hidden} 项服务，扫码查看全部`, font: REGULAR, size: 16, color: SECOND, after: 0 };
    style(doc, more, scale).fillColor(more.color).text(more.text, MARGIN, top + (21 - 16) * scale, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
  }
  if (services.length === 0) {
    drawBlock(doc, [{ text: '扫码查看当天的服务', font: REGULAR, size: 18, color: INK, after: 0 }], MARGIN, y, CONTENT_WIDTH, 1);
    return;
  }
  rows.forEach((rowHeight, row) => {
    services.slice(row * columns, row * columns + columns).forEach((service, column) => {
      const x = MARGIN + column * (columnWidth + gutter);
      // A red square marks each service, centred on the name's line.
      style(doc, { font: BOLD, size: 21 }, scale);
      const mark = 8 * scale;
      doc.rect(x, y + (doc.currentLineHeight(true) - mark) / 2 + scale, mark, mark).fill(RED);
      drawBlock(doc, card(service), x, y, columnWidth, scale);
    });
    y += rowHeight + rowGap * scale;
  });
}

/** `2025年11月22日`, the China calendar date of an instant. */
function formatDate(instant: Date): string {
  const [year, month, day] = chinaDate(instant).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function draw(doc: Doc, input: VenuePosterInput) {
  // Header: the studio, white on red.
  const bandHeight = 56;
  doc.rect(MARGIN, MARGIN, CONTENT_WIDTH, bandHeight).fill(RED);
  const studioSize = fitOneLine(doc, input.studioName, BOLD, 32, 18, CONTENT_WIDTH - 32);
  doc.font(BOLD).fontSize(studioSize);
  const studioY = MARGIN + (bandHeight - doc.currentLineHeight(true)) / 2;
  centredLine(doc, input.studioName, { font: BOLD, max: studioSize, min: studioSize, color: '#FFFFFF', y: studioY, width: CONTENT_WIDTH - 32 });

  // Title: what this is and what to do.
  let y = MARGIN + bandHeight + 14;
  const accent = '流动服务点';
  const rest = ' · 扫码预约 / 提意见';
  const titleSize = fitOneLine(doc, accent + rest, BOLD, 36, 22, CONTENT_WIDTH);
  doc.font(BOLD).fontSize(titleSize);
  const accentWidth = doc.widthOfString(accent);
  const titleX = MARGIN + (CONTENT_WIDTH - doc.widthOfString(accent + rest)) / 2;
  doc.fillColor(RED).text(accent, titleX, y, { lineBreak: false });
  doc.fillColor(INK).text(rest, titleX + accentWidth, y, { lineBreak: false });
  y += doc.currentLineHeight(true) + 4;

  // Where.
  y = centredLine(doc, input.venueName, { font: BOLD, max: 28, min: 18, color: INK, y });
  y = centredLine(doc, `地址：${input.address}`, { font: REGULAR, max: 18, min: 13, color: SECOND, y: y + 2 });

  // The code, framed, on the left; when, on the right.
  const frame = 10;
  const qrTop = y + 12 + frame;
  const qrLeft = MARGIN + frame;
  doc
    .roundedRect(qrLeft - frame, qrTop - frame, QR_SIZE + 2 * frame, QR_SIZE + 2 * frame, 12)
    .lineWidth(2.5)
    .strokeColor(RED)
    .stroke();
  doc.image(input.qrPng, qrLeft, qrTop, { fit: [QR_SIZE, QR_SIZE], align: 'center', valign: 'center' });
  const panelX = qrLeft + QR_SIZE + frame + 22;
  const panelWidth = MARGIN + CONTENT_WIDTH - panelX;
  const panel = scheduleLines(input);
  let panelScale = 1;
  while (blockHeight(doc, panel, panelWidth, panelScale) > QR_SIZE && panelScale > 0.7) panelScale -= 0.05;
  const panelHeight = blockHeight(doc, panel, panelWidth, panelScale);
  drawBlock(doc, panel, panelX, qrTop + Math.max(0, (QR_SIZE - panelHeight) / 2), panelWidth, panelScale);
  y = qrTop + QR_SIZE + frame + 10;
  y = centredLine(doc, '微信扫一扫，查看今天的服务、预约、提意见建议', { font: BOLD, max: 22, min: 16, color: INK, y });

  // Footer first, so the services know how much room they have.
  const footerNote = '没有智能手机？直接找现场工作人员，也能登记、预约、提意见';
  const footerSmall = `二维码长期有效 · 集市日期以现场公告为准 · 制作于 ${formatDate(input.generatedAt)}`;
  doc.font(REGULAR).fontSize(11);
  const smallHeight = doc.currentLineHeight(true);
  doc.font(BOLD).fontSize(15);
  const noteHeight = doc.currentLineHeight(true);
  const footerTop = PAGE.height - MARGIN - smallHeight - noteHeight - 4;
  const rule = (at: number) => doc.moveTo(MARGIN, at).lineTo(MARGIN + CONTENT_WIDTH, at).lineWidth(1.5).strokeColor(RULE).stroke();
  rule(footerTop - 10);
  centredLine(doc, footerNote, { font: BOLD, max: 15, min: 12, color: INK, y: footerTop });
  centredLine(doc, footerSmall, { font: REGULAR, max: 11, min: 9, color: SECOND, y: footerTop + noteHeight + 4 });

  const servicesTop = y + 10;
  rule(servicesTop);
  drawServices(doc, input.services, servicesTop + 10, footerTop - 14);
}

/**
 * A printable A4 portrait PDF for one venue: who runs the stand, where, the venue's permanent QR code, what
 * is offered and when. One page, always: long lists shrink, then are cut. Fonts are embedded as subsets
 * (pdfkit keeps only the glyphs used), so a poster is tens of kilobytes plus the QR image.
 */
export async function renderVenuePoster(input: VenuePosterInput, options: { fonts?: VenuePosterFonts } = {}): Promise<Buffer> {
  const fonts = options.fonts ?? packagedFonts();
  const doc = new PDFDocument({
    // Our font from the start: pdfkit would otherwise load Helvetica's metrics through a runtime
    // `createRequire('#standard-fonts/…')`, which a bundled Lambda cannot resolve. (pdfkit takes a Buffer here
    // as it does in `font()`; its types only say string.)
    font: fonts.regular as string,
    size: 'A4',
    layout: 'portrait',
    margin: 0,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${input.venueName} · 流动服务点`,
      Author: input.studioName,
      Subject: '流动服务点扫码海报',
      Creator: '连心',
      CreationDate: input.generatedAt,
      ModDate: input.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  let pages = 1;
  doc.on('pageAdded', () => {
    pages += 1;
  });

  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  draw(doc, input);
  doc.end();
  await ended;
  if (pages !== 1) throw new Error(`venue poster overflowed onto ${pages} pages`);
  return Buffer.concat(chunks);
}
