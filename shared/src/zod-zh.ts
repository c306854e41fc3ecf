import { z, type ZodErrorMap } from 'zod';

/**
 * Chinese default messages for zod, so that every schema in `shared/` speaks to residents in Chinese
 * even where a field has no message of its own. Installed once by `schemas/common.ts`.
 */
const zhErrorMap: ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined' || issue.received === 'null') return { message: '此项必填' };
      return { message: '格式不正确' };
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: `至少需要 ${issue.minimum} 个字` };
      if (issue.type === 'array') return { message: `至少需要 ${issue.minimum} 项` };
      return { message: `不能小于 ${issue.minimum}` };
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `不能超过 ${issue.maximum} 个字` };
      if (issue.type === 'array') return { message: `最多 ${issue.maximum} 项` };
      return { message: `不能大于 ${issue.maximum}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: '请选择有效的选项' };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: '包含不允许提交的字段' };
    case z.ZodIssueCode.invalid_string:
      return { message: '格式不正确' };
    default:
      return { message: ctx.defaultError === 'Required' ? '此项必填' : '格式不正确' };
  }
};

z.setErrorMap(zhErrorMap);

export { z };
