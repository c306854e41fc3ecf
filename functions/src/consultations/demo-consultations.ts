import { ulid } from 'ulid';
import { chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import type { Deps } from '../deps';
import type { SubmissionsDeps } from '../submissions/deps';
import { acceptSubmission } from '../submissions/submission-desk.use-case';
import { submitOnBehalf } from '../submissions/submission-reports.use-case';
import { createConsultation, publishConsultationResult, recordConsultation } from './consultations.use-case';

/**
 * 议事协商 for the local demo (`npm start`): two matters typed in by staff from a 院落议事会's paper forms and accepted —
 * 广场舞音响太吵 already consulted today (its decision and result on 议事协商公示), 小区东门停车难 still open for a
 * representative to call one. Once: nothing is added when the studio has a consultation.
 */
export async function seedDemoConsultations(all: Deps, studioId: string): Promise<void> {
  // the use cases' deps; no request body is read here, so the router's size limit plays no part
  const deps: SubmissionsDeps = { ...all, maxBodyBytes: 0 };
  if ((await deps.consultations.listOfStudioPage(studioId, { limit: 1 })).items.length > 0) return;
  const personas = await all.personas.listPersonas();
  const rep1 = personas.find((p) => p.key === 'rep1');
  const staff1 = personas.find((p) => p.key === 'staff1');
  if (!rep1 || !staff1) return;
  const rep: Principal = { userId: rep1.userId, role: 'representative', studioId };
  const staff: Principal = { userId: staff1.userId, role: 'staff', studioId };
  const matter = async (category: string, text: string, place: string) => {
    const s = await submitOnBehalf(deps, staff, studioId, { requestId: ulid(), sourceNote: '院落议事会', category, text, place, public: true });
    await acceptSubmission(deps, rep, s.id, { triage: 'minor' });
    return s.id;
  };
  await matter('道路交通', '小区东门晚上停车太难，车都停到消防通道上了', '小区东门');
  const noise = await matter('环境卫生', '广场舞音响太吵，晚上九点以后还在放，老人休息不好', '文化广场');
  const c = await createConsultation(deps, rep, studioId, { requestId: ulid(), topic: '文化广场广场舞噪音怎么办', date: chinaDate(deps.now()), time: '09:00', place: '社区议事厅', agenda: ['听取周边居民意见', '广场舞队说明活动时间'], submissionIds: [noise], invitedUnits: '广场舞队、物业' });
  await recordConsultation(deps, rep, studioId, c.id, { attendance: 18, attendeeNames: '周边居民、广场舞队、物业', minutes: '周边居民反映晚上噪音影响休息，广场舞队同意调小音量、提前结束。', decision: '广场舞每晚 8 点半结束，音量不超过 60 分贝，物业每周巡查' });
  await publishConsultationResult(deps, rep, studioId, c.id, { result: '已按决定执行一周，物业巡查三次，音量符合约定' });
}
