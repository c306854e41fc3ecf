import type { Submission } from './submission.repository';
import { CSV_HEADER, csvCell, submissionsCsv } from './submissions-csv';

/** Splits one CSV line whose cells are all quoted. */
const cellsOf = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));

const FORMULAS = ['=cmd|\' /C calc\'!A0', '=HYPERLINK("http://evil.example","点这里")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+2', '\r=1+2', '  =1+2'];

describe('the submissions CSV (Excel)', () => {
  it.each(FORMULAS)('neutralises a cell starting like a formula: %j', (value) => {
    const cell = csvCell(value);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(cellsOf(cell)[0]).toBe(`'${value}`);
  });

  it('leaves ordinary text as it is, quoted', () => {
    expect(csvCell('菜场东门的垃圾桶满了')).toBe('"菜场东门的垃圾桶满了"');
    expect(csvCell('他说"快修"')).toBe('"他说""快修"""');
    expect(csvCell('1-2 号楼')).toBe('"1-2 号楼"');
  });

  it('puts no live formula in any exported column', () => {
    const hostile: Submission = {
      id: '=1+1',
      studioId: 'S',
      studioName: '=studio',
      venueName: '=HYPERLINK("http://evil.example","集市")',
      source: 'on_behalf',
      sourceNote: '=1+2',
      category: '@cat',
      text: '=cmd|\' /C calc\'!A0',
      place: '=HYPERLINK("http://evil.example","点这里")',
      public: true,
      phone: '+13800001111',
      contentVerdict: 'pass',
      status: 'accepted',
      createdAt: '2026-11-23T01:00:00.000Z',
      acceptDueDate: '-2026-11-25',
      replyDueDate: '+2026-12-01',
      version: 1,
      triage: 'major',
      department: '=1+2 城管办',
      departmentDueDate: '\t=1',
      reopenedOnce: false,
      rated: false,
    };
    const [header, line] = submissionsCsv([hostile]).replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',')).toEqual(CSV_HEADER);
    const cells = cellsOf(line!);
    expect(cells).toHaveLength(CSV_HEADER.length);
    for (const cell of cells) expect(cell).not.toMatch(/^\s*[=+\-@\t\r]/);
    expect(cells[CSV_HEADER.indexOf('交办部门')]).toBe("'=1+2 城管办");
    expect(cells[CSV_HEADER.indexOf('地点')]).toBe(`'=HYPERLINK("http://evil.example","点这里")`);
  });
});
