import { ROLE_LABELS } from '@ronghe/schema';

// Known action keys get Chinese names; anything new still shows its raw key.
export const ACTION_LABELS: Record<string, string> = {
  'org.create': '新建党组织',
  'org.update': '修改党组织',
  'org.deactivate': '停用党组织',
  'org.reactivate': '启用党组织',
  'org.import_create': '导入新建党组织',
  'org.import_update': '导入更新党组织',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'user.create': '创建用户',
  'api_key.create': '创建接口密钥',
  'api_key.revoke': '吊销接口密钥',
};

export const ENTITY_LABELS: Record<string, string> = {
  organization: '党组织',
  org: '党组织',
  user: '用户',
  session: '会话',
  api_key: '接口密钥',
  alliance: '党建联合体',
};

export const actionLabel = (a: string) => ACTION_LABELS[a] ?? a;
export const entityLabel = (e: string) => ENTITY_LABELS[e] ?? e;
export const roleLabel = (r: string) => (ROLE_LABELS as Record<string, string>)[r] ?? r;
