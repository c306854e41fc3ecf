import type { AuditKind, AuditLogResponse, AuditQuery } from '@shared/schemas/audit';
import type { Principal } from '../auth/session-tokens';
import type { Deps } from '../deps';
import { requireStudioRole } from '../policy';
import type { AuditRepository } from './audit.repository';

export type AuditDeps = Pick<Deps, 'users' | 'now' | 'newId'> & { audit: AuditRepository };

const PAGE = 30;

/**
 * Records who saw or changed what, for a studio's admin to look back on (PIPL accountability): revealing a phone,
 * exporting, roles and invites, cancelling a stand, changing the set-up, deleting readings. The summary says what it
 * was about in words — never the personal detail itself. A resident acting on their own data is recorded as 居民,
 * without a name. Written after the change it records; a reveal or an export is recorded before it is answered.
 */
export async function recordAudit(deps: AuditDeps, principal: Principal, studioId: string, kind: AuditKind, summary: string, targetId?: string): Promise<void> {
  const resident = principal.role === 'resident';
  const actorName = resident ? '居民' : ((await deps.users.getUser(principal.userId))?.displayName ?? '（已注销）');
  await deps.audit.append({
    id: deps.newId(),
    studioId,
    at: deps.now().toISOString(),
    kind,
    actorId: principal.userId,
    actorName,
    actorRole: principal.role,
    summary,
    ...(targetId ? { targetId } : {}),
  });
}

/** The studio's audit trail for its admin: newest first, by person and kind, a page at a time. */
export async function getAuditLog(deps: AuditDeps, principal: Principal, studioId: string, query: AuditQuery): Promise<AuditLogResponse> {
  requireStudioRole(principal, studioId, 'administer', '只有本工作室的管理员可以查看操作记录');
  const page = await deps.audit.listOfStudio(studioId, { ...query, limit: PAGE });
  return {
    entries: page.entries.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      // residents are never named, not even by id
      ...(e.actorRole === 'resident' ? {} : { actorId: e.actorId }),
      actorName: e.actorName,
      actorRole: e.actorRole,
      summary: e.summary,
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
