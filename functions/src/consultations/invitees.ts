import type { Deps } from '../deps';
import type { Consultation } from './consultation-items';
import type { Coordination } from './coordination-items';

export type InviteesDeps = Pick<Deps, 'submissions' | 'seconds' | 'studios' | 'batch'>;

export interface Invitee {
  userId: string;
  why: 'raised' | 'seconded' | 'representative';
}

/**
 * Who a consultation invites: the residents who raised its submissions (their own account; 代填 without one is told
 * by phone, not here), those who 附议'd them (pattern 127), and the studio's representatives and admins — each once,
 * the first reason kept. Used by the invitees list and by the notice consumer's fan-out (never in the request that
 * opened the consultation: a matter seconded by hundreds is expanded in the background).
 */
export async function inviteesOf(deps: InviteesDeps, c: Consultation): Promise<Invitee[]> {
  const found = new Map<string, Invitee>();
  const add = (userId: string, why: Invitee['why']) => {
    if (!found.has(userId)) found.set(userId, { userId, why });
  };
  const reads = Object.fromEntries(c.submissions.map((s) => [s.id, deps.submissions.submissionRead(s.id)]));
  const submissions = await deps.batch.read(reads);
  for (const s of Object.values(submissions)) if (s?.residentId) add(s.residentId, 'raised');
  for (const seconders of await Promise.all(c.submissions.map((s) => deps.seconds.listSecondersOf(s.id)))) for (const userId of seconders) add(userId, 'seconded');
  for (const m of await deps.studios.listMembersOfStudio(c.studioId)) if (m.role === 'representative' || m.role === 'admin') add(m.userId, 'representative');
  return [...found.values()];
}

/**
 * Who a town's 协调会 invites: the liaisons of its units (each unit's list, pattern 177) and the admins of its studios
 * (their members' Query) — each once. Expanded by the notice consumer's fan-out.
 */
export async function coordinationInviteesOf(deps: Pick<Deps, 'unitLiaisons' | 'studios'>, c: Coordination): Promise<string[]> {
  const liaisons = await Promise.all(c.units.map((u) => deps.unitLiaisons.listLiaisons(c.townId, u.id)));
  const admins = await Promise.all(c.studios.map(async (s) => (await deps.studios.listMembersOfStudio(s.id)).filter((m) => m.role === 'admin')));
  return [...new Set([...liaisons.flat(), ...admins.flat()].map((m) => m.userId))];
}
