import { ROLE_LABELS } from '@shared/roles';
import { wishesInMyData } from '../wishes/wish-privacy.use-case';
import { MY_DATA_FORMAT, type MyDataExport, type MyDataSummary } from '@shared/schemas/privacy';
import type { ReadingView } from '@shared/schemas/reading';
import { chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { requireUser } from '../auth/sessions';
import { FileResponse } from '../http/file-response';
import type { Entry } from '../stands/booking.repository';
import { toBookingView } from '../stands/booking-views';
import type { Reading } from '../readings/reading.repository';
import { viewOf } from '../submissions/submissions.use-case';
import type { PrivacyDeps } from './deps';
import { errandsOfPerson } from '../errands/errand-privacy';

/** A future booking that deleting the account would cancel (the place goes back to the slot). */
export function isCancellableOnDeletion(e: Entry, today: string): boolean {
  return e.status === 'booked' && e.date >= today;
}

const readingView = (r: Reading): ReadingView => ({
  id: r.id,
  systolic: r.systolic,
  diastolic: r.diastolic,
  ...(r.pulse !== undefined ? { pulse: r.pulse } : {}),
  measuredAt: r.measuredAt,
  venueName: r.venueName,
  serviceName: r.serviceName,
  expiresAt: r.expiresAt,
});

/**
 * 我的数据 in numbers: how many submissions, bookings, readings, messages and follows are kept, for how long phones
 * and readings are kept, and whether the caller may delete the account here (residents only).
 */
export async function getMyDataSummary(deps: PrivacyDeps, principal: Principal): Promise<MyDataSummary> {
  const now = deps.now();
  const today = chinaDate(now);
  const [submissions, bookings, readings, notifications, follows, coinAccounts] = await Promise.all([
    deps.submissions.listOfResident(principal.userId),
    deps.bookings.listBookingsOfResident(principal.userId),
    deps.readings.listReadingsOfResident(principal.userId, now),
    deps.notifications.listAllOfUser(principal.userId),
    deps.notifications.listFollowsOfUser(principal.userId),
    deps.coins.listAccountsOfUser(principal.userId),
  ]);
  return {
    submissions: submissions.length,
    bookings: bookings.length,
    upcomingBookings: bookings.filter((e) => isCancellableOnDeletion(e, today)).length,
    readings: readings.length,
    notifications: notifications.length,
    follows: follows.length,
    coinAccounts: coinAccounts.length,
    contactRetentionDays: deps.limits.personalContactRetentionDays,
    healthReadingRetentionDays: deps.limits.healthReadingRetentionDays,
    canDeleteAccount: principal.role === 'resident',
  };
}

/**
 * Everything kept about the caller, as they may see it (PIPL art. 45): the account; each submission with its timeline
 * as the resident sees it (no internal notes, no staff names) and the phone while it is kept; each booking with a
 * home visit's address and phone while kept; health readings still kept and the consent; messages; followed studios.
 * Photos are counted, not embedded (they are shown in 我的意见). The openid is not given out.
 */
export async function myDataOf(deps: PrivacyDeps, principal: Principal): Promise<MyDataExport> {
  const now = deps.now();
  const user = await requireUser(deps, principal.userId);
  const [studio, openid, submissions, bookings, readings, consent, notifications, follows] = await Promise.all([
    user.studioId ? deps.studios.getStudio(user.studioId) : undefined,
    deps.users.findOpenidOfUser(user.id),
    deps.submissions.listOfResident(user.id),
    deps.bookings.listBookingsOfResident(user.id),
    deps.readings.listReadingsOfResident(user.id, now),
    deps.readings.getConsent(user.id),
    deps.notifications.listAllOfUser(user.id),
    deps.notifications.listFollowsOfUser(user.id),
  ]);
  const phones = await deps.submissions.contactsOf(submissions, now);
  const submissionViews = await Promise.all(
    submissions.map(async (s) => {
      const { photos: _photos, ...view } = viewOf(s, await deps.submissions.listEvents(s.id));
      return { ...view, ...(phones.has(s.id) ? { phone: phones.get(s.id)! } : {}), photoCount: s.photos?.length ?? 0 };
    }),
  );
  const bookingViews = await Promise.all(
    [...bookings]
      .sort((a, b) => `${a.date}#${a.startTime}`.localeCompare(`${b.date}#${b.startTime}`))
      .map(async (e) => ({ ...toBookingView(e), ...(e.note ? { serviceNote: e.note } : {}), ...(await deps.bookings.contactOf(e, now)) })),
  );
  const [coinAccounts, registrations, shifts] = await Promise.all([deps.coins.listAccountsOfUser(user.id), deps.volunteers.listOfUser(user.id), deps.shifts.listOfUser(user.id)]);
  const studioNames = new Map<string, string>();
  for (const studioId of [...follows.map((f) => f.studioId), ...coinAccounts.map((a) => a.studioId), ...registrations.map((r) => r.studioId)]) {
    if (!studioNames.has(studioId)) studioNames.set(studioId, (await deps.studios.getStudio(studioId))?.name ?? '（工作室已不存在）');
  }
  const coins = await Promise.all(
    coinAccounts.map(async (a) => ({
      studioId: a.studioId,
      studioName: studioNames.get(a.studioId)!,
      balance: a.balance,
      ...(a.cardCode ? { cardCode: a.cardCode } : {}),
      entries: (await deps.coins.listAllEntries(a.studioId, user.id)).map((e) => ({ id: e.id, amount: e.amount, kind: e.kind, what: e.what, by: e.byUserId === user.id ? '本人' : e.byName, at: e.at })),
      redemptions: (await deps.coins.listAllRedemptionsOf(a.studioId, user.id)).map((r) => ({ code: r.code, rewardId: r.rewardId, rewardName: r.rewardName, cost: r.cost, status: r.status, createdAt: r.createdAt, ...(r.reason ? { reason: r.reason } : {}) })),
    })),
  );

  return {
    format: MY_DATA_FORMAT,
    exportedAt: now.toISOString(),
    about: '这是“连心”小程序保存的关于您的全部信息：账号、您提的意见建议（含办理过程）、预约、血压记录与授权、消息、关注的工作室、幸福币、志愿者登记、微心愿、代办服务（点单-配送）和附议，以及您在工作室或镇街的身份。手机号和上门地址只在保存期限内提供。',
    account: {
      id: user.id,
      displayName: user.displayName,
      role: user.role,
      ...(studio ? { studioName: studio.name } : {}),
      ...(user.departmentId ? { departmentId: user.departmentId } : {}),
      createdAt: user.createdAt,
      linkedToWechat: Boolean(openid),
    },
    submissions: submissionViews,
    bookings: bookingViews,
    healthReadings: {
      consent: { consent: consent?.consent ?? false, ...(consent ? { updatedAt: consent.updatedAt } : {}), retentionDays: deps.limits.healthReadingRetentionDays },
      readings: readings.map(readingView),
    },
    notifications: [...notifications].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)).map(({ title, body, at, read }) => ({ title, body, at, read })),
    follows: follows.map((f) => ({ studioId: f.studioId, studioName: studioNames.get(f.studioId)!, since: f.at })),
    coins,
    volunteering: await Promise.all(
      registrations.map(async (r) => {
        const teams = (await deps.volunteers.listTeams(r.studioId)).filter((t) => r.teamIds.includes(t.id)).map((t) => t.name);
        return {
          studioId: r.studioId,
          studioName: studioNames.get(r.studioId)!,
          status: r.status,
          partyMember: r.partyMember,
          inService: r.inService,
          ...(r.organisation ? { organisation: r.organisation } : {}),
          skills: r.skills,
          availability: r.availability,
          registeredAt: r.registeredAt,
          teams,
          // time served at the studio's stands
          shifts: shifts
            .filter((s) => s.studioId === r.studioId)
            .map((s) => ({ venueName: s.venueName, date: s.standDate, checkedInAt: s.checkedInAt, ...(s.checkedOutAt ? { checkedOutAt: s.checkedOutAt } : {}), ...(s.minutes !== undefined ? { minutes: s.minutes } : {}), ...(s.coins !== undefined ? { coins: s.coins } : {}) })),
        };
      }),
    ),
    ...(await wishesInMyData(deps, user.id)),
    errands: await errandsOfPerson(deps, user.id),
    seconds: (await deps.seconds.listOfUser(user.id)).map(({ submissionId, studioId, at }) => ({ submissionId, studioId, at })),
    consultationSignUps: (await deps.consultations.listSignUpsOfPerson(user.id)).map(({ consultationId, studioId, name, at }) => ({ consultationId, studioId, name, at })),
    memberships: await membershipsInMyData(deps, user.id),
    retention: { contactDays: deps.limits.personalContactRetentionDays, healthReadingDays: deps.limits.healthReadingRetentionDays },
  };
}

/** 镇街: each role they hold (切换身份), named with its studio or town. */
async function membershipsInMyData(deps: PrivacyDeps, userId: string): Promise<MyDataExport['memberships']> {
  return Promise.all(
    (await deps.memberships.listOfUser(userId)).map(async (m) => ({
      role: ROLE_LABELS[m.role],
      place: m.townId ? ((await deps.towns.getTown(m.townId))?.name ?? '（镇街已不存在）') : ((await deps.studios.getStudio(m.studioId!))?.name ?? '（工作室已不存在）'),
      since: m.joinedAt,
    })),
  );
}

/** GET /me/data — the copy as a JSON file, `我的数据_YYYY-MM-DD.json` (China date). */
export async function exportMyData(deps: PrivacyDeps, principal: Principal): Promise<FileResponse> {
  const data = await myDataOf(deps, principal);
  return new FileResponse(Buffer.from(JSON.stringify(data, null, 2), 'utf8'), 'application/json; charset=utf-8', `我的数据_${chinaDate(deps.now())}.json`);
}
