import { deleteAccountRequest, deleteAccountResponse, myDataSummary } from '../schemas/privacy';
import { defineRoutes } from './define';
import { EVERYONE_SIGNED_IN } from './roles';

/** 我的数据: what is kept about the caller, a copy of it, and deleting the account (PIPL arts. 45 and 47). */
export const privacyRoutes = defineRoutes({
  getMyDataSummary: { method: 'GET', path: '/me/data/summary', roles: EVERYONE_SIGNED_IN, response: myDataSummary, summary: '我的数据：保存了哪些信息（条数与保存期限）' },
  exportMyData: { method: 'GET', path: '/me/data', roles: EVERYONE_SIGNED_IN, response: { file: 'application/json' }, summary: '导出我的数据（JSON 文件）' },
  deleteMyAccount: { method: 'DELETE', path: '/me', roles: EVERYONE_SIGNED_IN, body: deleteAccountRequest, response: deleteAccountResponse, summary: '注销账号：意见匿名保留，未来的预约取消，健康读数与授权删除（工作室人员需先解除身份）' },
});
