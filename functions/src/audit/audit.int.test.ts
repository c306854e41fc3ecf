import { ulid } from 'ulid';
import { chinaDate } from '@shared/time';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { cancelStand, saveService } from '../studio/studio-setup.use-case';
import { exportSubmissionsCsv } from '../submissions/submission-reports.use-case';
import { deleteMyReading } from '../readings/readings.use-case';
import { recordAudit } from './audit.use-case';

// Who saw or changed what: the studio's admin reads it, newest first, by person and kind (DynamoDB Local).
describe('the audit trail (DynamoDB Local)', () => {
  it('records set-up changes, exports, cancellations and deleted readings, and shows them to the admin only', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const admin = f.principalOf('admin');
    const rep = f.principalOf('rep1');
    const resident = f.principalOf('resident');

    await saveService(f.deps, admin, f.seed.studioId, { name: '理发', description: '', minutesPerPerson: 15, peoplePerSlot: 2, homeVisit: false, keepsHealthReadings: false });
    const today = chinaDate(f.now);
    await exportSubmissionsCsv(f.deps, rep, f.seed.studioId, { from: today, to: today });
    await cancelStand(f.deps, admin, f.todayStand.id, { reason: '大风降温' });
    // a resident deletes a reading a stand of this studio recorded: the studio learns that, not the values nor who
    const readingId = ulid();
    await f.deps.readings.putReading({ id: readingId, userId: resident.userId, systolic: 130, diastolic: 85, measuredAt: f.now.toISOString(), expiresAt: new Date(f.now.getTime() + 86_400_000).toISOString(), standId: f.todayStand.id, entryId: ulid(), venueName: f.todayStand.venueName, serviceName: '量血压', recordedBy: f.principalOf('staff1').userId });
    await deleteMyReading(f.deps, resident, readingId);

    const token = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
    const adminToken = await token('admin');
    const all = await invoke(api.getAuditLog, 'getAuditLog', { token: adminToken, params: { studioId: f.seed.studioId } });
    expect(all.status).toBe(200);
    expect(all.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['readings_deleted', 'stand_cancelled', 'csv_exported', 'service_changed']);
    const [deleted, cancelled, exported, changed] = all.body.entries;
    expect(deleted).toMatchObject({ actorName: '居民', actorRole: 'resident' });
    expect(deleted.actorId).toBeUndefined();
    expect(deleted.summary).not.toMatch(/130|85/);
    expect(cancelled).toMatchObject({ actorName: '赵敏', actorRole: 'admin', summary: expect.stringContaining('大风降温') });
    expect(exported).toMatchObject({ actorName: '张建国', actorRole: 'representative', actorId: rep.userId });
    expect(changed.summary).toContain('理发');

    const byRep = await invoke(api.getAuditLog, 'getAuditLog', { token: adminToken, params: { studioId: f.seed.studioId }, query: { actorId: rep.userId } });
    expect(byRep.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['csv_exported']);
    const cancellations = await invoke(api.getAuditLog, 'getAuditLog', { token: adminToken, params: { studioId: f.seed.studioId }, query: { kind: 'stand_cancelled' } });
    expect(cancellations.body.entries).toHaveLength(1);

    for (const persona of ['rep1', 'staff1', 'resident']) {
      expect((await invoke(api.getAuditLog, 'getAuditLog', { token: await token(persona), params: { studioId: f.seed.studioId } })).status).toBe(403);
    }
  }, 60_000);

  it('pages newest first with a cursor, and never overwrites an entry', async () => {
    const f = await bookingFixture();
    const admin = f.principalOf('admin');
    let clock = f.now;
    const deps = { ...f.deps, now: () => clock };
    for (let i = 0; i < 35; i += 1) {
      clock = new Date(clock.getTime() + 1000);
      await recordAudit(deps, admin, f.seed.studioId, 'csv_exported', `第 ${i + 1} 次`);
    }
    const api = loadHandlers(testEnv(f.tableName));
    const adminToken = (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona: 'admin' } })).body.token;
    const first = await invoke(api.getAuditLog, 'getAuditLog', { token: adminToken, params: { studioId: f.seed.studioId } });
    expect(first.body.entries).toHaveLength(30);
    expect(first.body.entries[0].summary).toBe('第 35 次');
    const second = await invoke(api.getAuditLog, 'getAuditLog', { token: adminToken, params: { studioId: f.seed.studioId }, query: { cursor: first.body.nextCursor } });
    expect(second.body.entries.map((e: { summary: string }) => e.summary)).toEqual(['第 5 次', '第 4 次', '第 3 次', '第 2 次', '第 1 次']);
    expect(second.body.nextCursor).toBeUndefined();

    const entry = { id: 'same', studioId: f.seed.studioId, at: clock.toISOString(), kind: 'csv_exported' as const, actorId: admin.userId, actorName: '赵敏', actorRole: 'admin' as const, summary: '原样' };
    await f.deps.audit.append(entry);
    await expect(f.deps.audit.append({ ...entry, summary: '改写' })).rejects.toThrow();
  }, 60_000);

  it('shows a resident’s phone masked; the whole number only through 显示完整号码, which is recorded', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const token = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
    const resident = await token('resident');
    const submitted = await invoke(api.submit, 'submit', { token: resident, body: { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text: '河边有人倒建筑垃圾，已经堆了一周', public: false, phone: '13912345678', phoneConsent: true } });
    const params = { studioId: f.seed.studioId, submissionId: submitted.body.id };
    const rep = await token('rep1');
    expect((await invoke(api.getStudioSubmission, 'getStudioSubmission', { token: rep, params })).body.phone).toBe('139****5678');
    const revealed = await invoke(api.revealSubmissionPhone, 'revealSubmissionPhone', { token: rep, params });
    expect(revealed).toMatchObject({ status: 200, body: { phone: '13912345678' } });
    // staff may enter paper forms but not see residents' numbers; a resident may not use the studio's route
    expect((await invoke(api.revealSubmissionPhone, 'revealSubmissionPhone', { token: await token('staff1'), params })).status).toBe(403);
    expect((await invoke(api.revealSubmissionPhone, 'revealSubmissionPhone', { token: resident, params })).status).toBe(403);
    const log = await invoke(api.getAuditLog, 'getAuditLog', { token: await token('admin'), params: { studioId: f.seed.studioId }, query: { kind: 'phone_revealed' } });
    expect(log.body.entries).toHaveLength(1);
    expect(log.body.entries[0]).toMatchObject({ actorName: '张建国', actorRole: 'representative' });
    expect(JSON.stringify(log.body)).not.toContain('5678');
  }, 60_000);
});
