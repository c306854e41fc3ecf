import { authRoutes } from './auth';
import { coinRoutes } from './coins';
import { volunteerRoutes } from './volunteers';
import { wishRoutes } from './wishes';
import { errandRoutes } from './errands';
import { localRoutes } from './local';
import { noticeRoutes } from './notices';
import { posterRoutes } from './posters';
import { privacyRoutes } from './privacy';
import { readingRoutes } from './readings';
import { standRoutes } from './stands';
import { studioRoutes } from './studio';
import { submissionRoutes } from './submissions';
import { consultationRoutes } from './consultations';
import { coordinationRoutes } from './coordination';
import { departmentRoutes } from './departments';
import { townRoutes } from './towns';
import { unitRoutes } from './units';

export * from './define';

/**
 * The API's contexts: each is served by one Lambda (functions/src/<context>/lambda.ts). A route belongs to exactly
 * one context; its name is unique across all of them.
 */
export const contexts = {
  auth: authRoutes,
  local: localRoutes,
  stands: standRoutes,
  readings: readingRoutes,
  studio: studioRoutes,
  /** 意见建议 and, served by the same Lambda, 协商 / 议事会 (and the towns' 协调会) and the departments that answer (部门与联络员). */
  submissions: {
    ...submissionRoutes,
    ...consultationRoutes,
    ...coordinationRoutes,
    ...departmentRoutes,
  },
  notices: noticeRoutes,
  posters: posterRoutes,
  privacy: privacyRoutes,
  coins: coinRoutes,
  /** 志愿与互助: volunteers and their teams, 微心愿, 点单-配送 errands and home visits (one Lambda). */
  volunteers: { ...volunteerRoutes, ...wishRoutes, ...errandRoutes },
  /** 镇街: towns, their studios and figures, memberships in several studios (切换身份); the alliance of member units. */
  towns: { ...townRoutes, ...unitRoutes },
} as const;

export type ContextName = keyof typeof contexts;

/** Every route of the API by name. */
export const routes = {
  ...authRoutes,
  ...localRoutes,
  ...standRoutes,
  ...readingRoutes,
  ...studioRoutes,
  ...submissionRoutes,
  ...consultationRoutes,
  ...coordinationRoutes,
  ...departmentRoutes,
  ...noticeRoutes,
  ...posterRoutes,
  ...coinRoutes,
  ...volunteerRoutes,
  ...wishRoutes,
  ...errandRoutes,
  ...privacyRoutes,
  ...townRoutes,
  ...unitRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
