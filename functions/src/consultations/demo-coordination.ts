import { ulid } from 'ulid';
import { addDays, chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import type { Deps } from '../deps';
import type { SubmissionsDeps } from '../submissions/deps';
import { acceptSubmission } from '../submissions/submission-desk.use-case';
import { submitOnBehalf } from '../submissions/submission-reports.use-case';
import type { DemoUnitKey } from '../units/demo-units';
import type { Unit } from '../units/unit.repository';
import { createCoordination } from './coordination.use-case';

const asUseCaseDeps = (all: Deps): SubmissionsDeps => ({ ...all, maxBodyBytes: 0 });

/**
 * 协调会 for the local demo: 洛社镇's 吴卫东 has called next week's meeting of its member units (周丽萍 of 卫生院 is told
 * and sees it under 我的 → 协调会). Called once, when the demo town is made (functions/src/towns/demo-towns.ts).
 */
export async function seedDemoCoordination(all: Deps, townId: string, units: Record<DemoUnitKey, Unit>): Promise<void> {
  const townAdmin = await all.personas.getPersona('townadmin');
  if (!townAdmin) return;
  const admin: Principal = { userId: townAdmin.userId, role: 'town_admin', townId };
  await createCoordination(asUseCaseDeps(all), admin, townId, {
    requestId: ulid(),
    topic: '成员单位月度联席会',
    date: addDays(chinaDate(all.now()), 7),
    time: '14:30',
    place: '洛社镇党群服务中心三楼会议室',
    agenda: ['通报本月双向服务项目进展', `研究${units.hospital.name}冬季义诊安排`, '各工作室提出的需求对接'],
  });
}

/**
 * 部门待办 of a member unit for the local demo (`npm start`): a matter of the first studio, typed in by staff and handed
 * by 李建国 to 洛社镇卫生院 — 周丽萍 sees it in 部门待办. Once: nothing when the unit's queue has something already.
 */
export async function seedDemoUnitHandOn(all: Deps, studioId: string): Promise<void> {
  const deps = asUseCaseDeps(all);
  const townId = (await deps.studios.getStudio(studioId))?.townId;
  const hospital = townId ? (await deps.units.listOfTown(townId)).find((u) => u.kind === 'hospital') : undefined;
  if (!hospital || (await deps.departments.listQueuePage(hospital.id, { limit: 1 })).items.length > 0) return;
  const personas = await all.personas.listPersonas();
  const rep1 = personas.find((p) => p.key === 'rep1');
  const staff1 = personas.find((p) => p.key === 'staff1');
  if (!rep1 || !staff1) return;
  const staff: Principal = { userId: staff1.userId, role: 'staff', studioId };
  const rep: Principal = { userId: rep1.userId, role: 'representative', studioId };
  const s = await submitOnBehalf(deps, staff, studioId, { requestId: ulid(), sourceNote: '服务点登记', category: '民生服务', text: '小区独居老人多，希望卫生院每月来量一次血压、讲讲慢病用药', place: '人民路小区', public: true });
  await acceptSubmission(deps, rep, s.id, { triage: 'major', departmentId: hospital.id, dueDate: addDays(chinaDate(deps.now()), 10) });
}
