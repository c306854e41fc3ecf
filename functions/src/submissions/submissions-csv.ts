import { RATING_LABELS, SUBMISSION_STATUS_LABELS, TRIAGE_LABELS } from '@shared/submission/lifecycle';
import { maskPersonalDetails } from '@shared/submission/mask';
import { chinaDate, chinaTime } from '@shared/time';
import type { Submission } from './submission.repository';

/**
 * One CSV cell, safe to open in Excel or WPS. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (or spaces before `=`…) would be read as a formula — a resident's text could run a command or plant a link — so it
 * gets a leading `'` (OWASP's rule for CSV injection); and every cell is quoted, its quotes doubled.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) || /^\s+[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${inert.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = ['编号', '提交时间', '来源', '服务点', '类别', '内容', '地点', '状态', '分流', '交办部门', '受理期限', '答复期限', '评价', '联系电话'];

/** One line per submission, phones and ID numbers masked, every cell neutralised. */
export function csvLine(s: Submission): string {
  return [
    s.id,
    `${chinaDate(s.createdAt)} ${chinaTime(s.createdAt)}`,
    s.source === 'on_behalf' ? `代填（${s.sourceNote ?? ''}）` : '居民提交',
    s.venueName ?? '',
    s.category,
    maskPersonalDetails(s.text),
    s.place ?? '',
    SUBMISSION_STATUS_LABELS[s.status],
    s.triage ? TRIAGE_LABELS[s.triage] : '',
    s.department ?? '',
    s.acceptDueDate,
    s.departmentDueDate ?? s.replyDueDate,
    s.rating ? RATING_LABELS[s.rating] : '',
    s.phone ? maskPersonalDetails(s.phone) : '',
  ]
    .map((v) => csvCell(String(v)))
    .join(',');
}

/** The whole file: a UTF-8 BOM so that Excel shows the Chinese, CRLF line ends. */
export function submissionsCsv(submissions: readonly Submission[]): string {
  return `\uFEFF${[CSV_HEADER.join(','), ...submissions.map(csvLine)].join('\r\n')}\r\n`;
}
