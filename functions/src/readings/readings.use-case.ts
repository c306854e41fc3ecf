import type { HealthConsentRequest, HealthConsentView, MyReadingsResponse, ReadingView, RecordReadingRequest } from '@shared/schemas/reading';
import type { Principal } from '../auth/session-tokens';
import type { Reading } from './reading.repository';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import { fingerprintOf } from '../data/codes';
import type { ReadingsDeps } from './deps';
import { requireUser } from '../auth/sessions';

const toView = (r: Reading): ReadingView => ({
  id: r.id,
  systolic: r.systolic,
  diastolic: r.diastolic,
  ...(r.pulse !== undefined ? { pulse: r.pulse } : {}),
  measuredAt: r.measuredAt,
  venueName: r.venueName,
  serviceName: r.serviceName,
  expiresAt: r.expiresAt,
});

async function consentOf(deps: ReadingsDeps, userId: string): Promise<HealthConsentView> {
  const consent = await deps.readings.getConsent(userId);
  return { consent: consent?.consent ?? false, ...(consent ? { updatedAt: consent.updatedAt } : {}), retentionDays: deps.limits.healthReadingRetentionDays };
}

/** The resident's own readings over time (for the chart) and their consent. */
export async function listMyReadings(deps: ReadingsDeps, principal: Principal): Promise<MyReadingsResponse> {
  const readings = await deps.readings.listReadingsOfResident(principal.userId, deps.now());
  return { readings: readings.map(toView), consent: await consentOf(deps, principal.userId) };
}

/**
 * Gives or withdraws the separate consent to keep health readings. Withdrawing stops new readings and deletes
 * those kept (PIPL art. 47: personal information is deleted when consent is withdrawn).
 */
export async function setHealthConsent(deps: ReadingsDeps, principal: Principal, request: HealthConsentRequest): Promise<HealthConsentView> {
  await deps.readings.putConsent(principal.userId, { consent: request.consent, updatedAt: deps.now().toISOString() });
  if (!request.consent) {
    const readings = await deps.readings.listReadingsOfResident(principal.userId, new Date(0));
    for (const reading of readings) await deps.readings.deleteReading(principal.userId, reading.id);
    await auditDeleted(deps, principal, readings, '撤回同意');
  }
  return consentOf(deps, principal.userId);
}

export async function deleteMyReading(deps: ReadingsDeps, principal: Principal, readingId: string): Promise<{ deleted: true }> {
  const reading = await deps.readings.getReading(principal.userId, readingId);
  if (!reading || !(await deps.readings.deleteReading(principal.userId, readingId))) throw new NotFoundError('没有找到这条记录');
  await auditDeleted(deps, principal, [reading], '本人删除');
  return { deleted: true };
}

/** Each studio whose stands recorded some of the deleted readings learns that they were deleted — not their values. */
async function auditDeleted(deps: ReadingsDeps, principal: Principal, readings: Reading[], how: string): Promise<void> {
  const byStand = new Map<string, Reading[]>();
  for (const r of readings) byStand.set(r.standId, [...(byStand.get(r.standId) ?? []), r]);
  const byStudio = new Map<string, Reading[]>();
  for (const [standId, list] of byStand) {
    const stand = await deps.stands.getStand(standId);
    if (stand) byStudio.set(stand.studioId, [...(byStudio.get(stand.studioId) ?? []), ...list]);
  }
  for (const [studioId, list] of byStudio) {
    await recordAudit(deps, principal, studioId, 'readings_deleted', `居民${how}健康读数 ${list.length} 条（${[...new Set(list.map((r) => r.venueName))].join('、')}）`);
  }
}

/**
 * Staff record a blood-pressure reading for a checked-in resident — only for a service that may hold health
 * readings, only for a resident with an account who has given the separate consent (checked again inside the
 * write). One reading per retry key: a retry after a dropped answer returns the one already kept.
 */
const noConsent = () => new ConflictError('居民没有同意保存健康读数，请口头告知读数', 'no_health_consent');

export async function recordReading(deps: ReadingsDeps, principal: Principal, standId: string, entryId: string, request: RecordReadingRequest): Promise<ReadingView> {
  const stand = await deps.stands.getStand(standId);
  if (!stand) throw new NotFoundError('没有找到这个服务点');
  requireStudioRole(principal, stand.studioId, 'serve');
  const entry = await deps.bookings.getEntry(standId, entryId);
  if (!entry) throw new NotFoundError('没有找到这个号');
  const service = stand.services.find((s) => s.id === entry.serviceId);
  if (!service?.keepsHealthReadings) throw new ConflictError('这项服务不记录健康读数');
  if (!['checked_in', 'called', 'served'].includes(entry.status)) throw new ConflictError('请先为居民签到');
  if (!entry.userId) throw new ConflictError('现场取号的居民没有账号，读数不能保存，请口头告知', 'no_account');
  const consent = await deps.readings.getConsent(entry.userId);
  if (!consent?.consent) throw noConsent();
  const staff = await requireUser(deps, principal.userId);
  const now = deps.now();
  const reading: Reading = {
    id: deps.newId(),
    userId: entry.userId,
    systolic: request.systolic,
    diastolic: request.diastolic,
    ...(request.pulse !== undefined ? { pulse: request.pulse } : {}),
    measuredAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.limits.healthReadingRetentionDays * 86_400_000).toISOString(),
    standId,
    entryId,
    venueName: stand.venueName,
    serviceName: service.name,
    recordedBy: staff.id,
  };
  const { requestId, ...values } = request;
  const fingerprint = fingerprintOf({ entryId, ...values });
  const outcome = await deps.readings.recordOnce(reading, { actorId: principal.userId, requestId, fingerprint, requestTtl: Math.floor(now.getTime() / 1000) + 2 * 86_400 });
  if (outcome.kind === 'no-consent') throw noConsent();
  if (outcome.kind === 'created') return toView(reading);
  // a retry after a dropped answer: the reading already kept, never a second one
  if (outcome.fingerprint !== fingerprint) throw new UnprocessableError('这个请求编号已用于另一次读数，请刷新后重试');
  const kept = await deps.readings.getReading(entry.userId, outcome.readingId);
  if (!kept) throw new NotFoundError('这条读数已被居民删除');
  return toView(kept);
}
