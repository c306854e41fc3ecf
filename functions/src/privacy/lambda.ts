import { privacyRoutes } from '@shared/contract/privacy';
import { createRouter } from '../http/router';
import { privacyDeps } from './deps';
import { deleteMyAccount } from './delete-account.use-case';
import { exportMyData, getMyDataSummary } from './my-data.use-case';

/** 我的数据: what is kept about the caller, a copy of it, and deleting the account. */
export const handler = createRouter(
  privacyRoutes,
  {
    getMyDataSummary: ({ deps, principal }) => getMyDataSummary(deps, principal),
    exportMyData: ({ deps, principal }) => exportMyData(deps, principal),
    deleteMyAccount: ({ deps, principal }) => deleteMyAccount(deps, principal),
  },
  privacyDeps,
);
