import type { Deps } from '../deps';
import type { Wish } from './wish.repository';

/**
 * 微心愿 for the local demo (`npm start`): the `volunteer` persona (孙师傅) as an approved volunteer of the studio, and
 * two wishes typed by staff for 钱奶奶 (代填) — one on the 心愿墙, one waiting for the representatives. Once: nothing is
 * added when the volunteer's registration is already there.
 */
export async function seedDemoWishes(deps: Pick<Deps, 'personas' | 'volunteers' | 'wishes' | 'now' | 'newId'>, studioId: string): Promise<void> {
  const personas = await deps.personas.listPersonas();
  const volunteer = personas.find((p) => p.key === 'volunteer');
  const staff = personas.find((p) => p.key === 'staff1');
  const rep = personas.find((p) => p.key === 'rep1');
  if (!volunteer || !staff || !rep || (await deps.volunteers.get(volunteer.userId, studioId))) return;
  const at = deps.now().toISOString();
  const saved = await deps.volunteers.save(
    { studioId, userId: volunteer.userId, displayName: volunteer.displayName, status: 'approved', partyMember: true, inService: false, skills: ['助老陪伴', '家电维修'], availability: '周末全天', teamIds: [], registeredAt: at, decidedAt: at },
    undefined,
  );
  if (!saved) return; // another start seeded it at the same moment
  const typed = (title: string, details: string): Wish => ({
    id: deps.newId(),
    studioId,
    title,
    details,
    status: 'pending_review',
    wisherName: '钱奶奶',
    onBehalfBy: staff.userId,
    createdAt: at,
    updatedAt: at,
    timeline: [{ step: 'post', by: `${staff.displayName}（代填）`, byId: staff.userId, at }],
  });
  const open = typed('想有人帮忙换个灯泡', '厨房的灯坏了，自己够不着');
  const waiting = typed('想要一副老花镜', '看报纸看不清');
  for (const wish of [open, waiting]) await deps.wishes.post(wish, { actorId: staff.userId, requestId: `demo-${wish.id}`, fingerprint: 'demo', requestTtl: 0 });
  await deps.wishes.step(open, { ...open, status: 'approved', approvedAt: at, publicTitle: open.title, publicDetails: open.details, timeline: [...open.timeline, { step: 'approve', by: rep.displayName, byId: rep.userId, at }] });
}
