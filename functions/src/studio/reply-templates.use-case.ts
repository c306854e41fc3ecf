import type { ReplyTemplatesRequest, ReplyTemplatesResponse } from '@shared/schemas/submission';
import { DEFAULT_REPLY_TEMPLATES } from '@shared/submission/reply-templates';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError } from '../errors';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';

/** The people who reply for a studio — its representatives and its admin — read and edit its templates. */
const TEMPLATES_REFUSAL = '只有本工作室的党代表和管理员可以查看和修改答复模板';
import type { StudioDeps } from './deps';

/** The studio's reply templates; the defaults (version 0) until someone saves their own. */
export async function getReplyTemplates(deps: StudioDeps, principal: Principal, studioId: string): Promise<ReplyTemplatesResponse> {
  requireStudioRole(principal, studioId, 'answer', TEMPLATES_REFUSAL);
  if (!(await deps.studios.getStudio(studioId))) throw new NotFoundError('没有找到这个工作室');
  const own = await deps.studios.getReplyTemplates(studioId);
  return own ? { templates: own.templates, version: own.version, updatedAt: own.updatedAt } : { templates: DEFAULT_REPLY_TEMPLATES, version: 0 };
}

/**
 * Saves the whole list. `version` is the one the editor read: if another representative saved since, nothing
 * changes and the answer is 409, so neither loses the other's words without seeing them.
 */
export async function saveReplyTemplates(deps: StudioDeps, principal: Principal, studioId: string, request: ReplyTemplatesRequest): Promise<ReplyTemplatesResponse> {
  requireStudioRole(principal, studioId, 'answer', TEMPLATES_REFUSAL);
  if (!(await deps.studios.getStudio(studioId))) throw new NotFoundError('没有找到这个工作室');
  const saved = { templates: request.templates, version: request.version + 1, updatedAt: deps.now().toISOString(), updatedBy: principal.userId };
  if (!(await deps.studios.putReplyTemplates(studioId, saved))) throw new ConflictError('答复模板刚被其他人修改过，请重新载入后再改');
  await recordAudit(deps, principal, studioId, 'templates_changed', `答复模板（${saved.templates.length} 条，第 ${saved.version} 版）`);
  return { templates: saved.templates, version: saved.version, updatedAt: saved.updatedAt };
}
