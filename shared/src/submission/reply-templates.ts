import type { ReplyTemplate } from '../schemas/submission';

/** The placeholders a template may use, with what each becomes. */
export const REPLY_TEMPLATE_PLACEHOLDERS = ['类别', '部门', '期限', '地点', '工作室'] as const;
export type ReplyTemplatePlaceholder = (typeof REPLY_TEMPLATE_PLACEHOLDERS)[number];

/** What a new studio starts with; its representatives edit them to their own words. */
export const DEFAULT_REPLY_TEMPLATES: ReplyTemplate[] = [
  { title: '已转交部门', text: '您反映的{类别}问题已转交{部门}，预计{期限}前处理完毕。——{工作室}' },
  { title: '已经办好', text: '您反映的{类别}问题已经处理好了，感谢您对我们工作的支持，欢迎继续监督。——{工作室}' },
  { title: '纳入计划', text: '感谢您的建议！已纳入工作室近期工作计划，落实后会在公示墙公布进展。——{工作室}' },
  { title: '个人事务指导', text: '您反映的情况属于个人事务，建议您带好相关材料到流动服务点，工作人员会当面帮您办理。——{工作室}' },
];

export interface ReplyTemplateFacts {
  category: string;
  studioName: string;
  department?: string;
  /** `2026年12月3日` or similar, already written for people. */
  dueDate?: string;
  place?: string;
}

const FALLBACKS: Record<ReplyTemplatePlaceholder, string> = { 类别: '', 部门: '有关部门', 期限: '近期', 地点: '您说的地方', 工作室: '' };

/** A template with its placeholders filled from the submission; unknown `{…}` stay as they are. */
export function fillReplyTemplate(text: string, facts: ReplyTemplateFacts): string {
  const values: Record<ReplyTemplatePlaceholder, string | undefined> = {
    类别: facts.category,
    部门: facts.department,
    期限: facts.dueDate,
    地点: facts.place,
    工作室: facts.studioName,
  };
  return text.replace(/\{(类别|部门|期限|地点|工作室)\}/g, (_, name: ReplyTemplatePlaceholder) => values[name] || FALLBACKS[name]);
}
