import { ERRAND_STATUS_LABELS } from '@shared/schemas/errands';
import type { Deps } from '../deps';
import type { ErrandOrder } from './errand.repository';

type ErrandPrivacyDeps = Pick<Deps, 'errands' | 'studios' | 'now'>;

/** What “my data” holds of 点单-配送: the orders a person placed (with their address and phone) and the ones they served. */
export async function errandsOfPerson(deps: ErrandPrivacyDeps, userId: string) {
  const { ordered, served } = await deps.errands.listAllOfPerson(userId);
  const names = new Map<string, string>();
  const studioName = async (id: string) => {
    if (!names.has(id)) names.set(id, (await deps.studios.getStudio(id))?.name ?? '（工作室已不存在）');
    return names.get(id)!;
  };
  const line = async (o: ErrandOrder, role: 'ordered' | 'served') => ({
    role,
    id: o.id,
    studioName: await studioName(o.studioId),
    kindName: o.kindName,
    status: ERRAND_STATUS_LABELS[o.status],
    personName: o.personName,
    when: o.when,
    createdAt: o.createdAt,
    ...(o.note && role === 'ordered' ? { note: o.note } : {}),
    ...(o.rating ? { rating: o.rating } : {}),
    ...(o.comment ? { comment: o.comment } : {}),
    ...(role === 'ordered' ? await deps.errands.getContact(o.id).then((c) => (c ? { address: c.address, phone: c.phone } : {})) : {}),
  });
  return [...(await Promise.all(ordered.map((o) => line(o, 'ordered')))), ...(await Promise.all(served.map((o) => line(o, 'served'))))];
}

const ACTIVE = ['ordered', 'open', 'claimed', 'assigned'] as const;

/**
 * A deleted account: their orders still going on are cancelled (已取消, 本人注销账号), every order of theirs loses its
 * address, phone, note and link to them; an order they were serving goes back to the open list (or, if delivered,
 * keeps its status) without their name.
 */
export async function forgetErrandsOf(deps: ErrandPrivacyDeps, userId: string): Promise<void> {
  const { ordered, served } = await deps.errands.listAllOfPerson(userId);
  const at = deps.now().toISOString();
  for (const o of ordered) {
    if ((ACTIVE as readonly string[]).includes(o.status)) await deps.errands.step(o, { ...o, status: 'cancelled', reason: '本人注销账号', version: o.version + 1, updatedAt: at }, []);
    await deps.errands.forgetResident(o);
  }
  for (const o of served) {
    if (o.status === 'claimed' || o.status === 'assigned') {
      const back: ErrandOrder = { ...o, status: 'open', version: o.version + 1, updatedAt: at };
      delete back.volunteerId;
      delete back.volunteerName;
      if (await deps.errands.step(o, back, [])) continue;
    }
    await deps.errands.forgetVolunteer(o);
  }
}
