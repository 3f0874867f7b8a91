import { ALLIANCE_ACTION_LABELS, ALLIANCE_ACTIONS, ROLE_LABELS } from '@ronghe/schema';

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
  'alliance.create': '起草党建联合体',
  'alliance.update': '修改党建联合体',
  ...Object.fromEntries(ALLIANCE_ACTIONS.map((a) => [`alliance.${a}`, `联合体${ALLIANCE_ACTION_LABELS[a]}`])),
  'alliance.member_add': '添加拟加入成员',
  'alliance.member_remove': '移出拟加入成员',
  'alliance.member_update': '修改成员信息',
  'alliance.governance': '设置议事机构',
  'alliance.document_create': '新建联合体文书',
  'alliance.document_update': '修改联合体文书',
  'alliance.adjustment_propose': '提出联合体调整',
  'alliance.adjustment_approve': '同意联合体调整',
  'alliance.adjustment_reject': '不同意联合体调整',
  'filing.acknowledge': '签收备案',
  'red_route.create': '新建红色风景线',
  'red_route.update': '修改红色风景线',
  'red_district.create': '新建红色片区',
  'red_district.update': '修改红色片区',
};

export const ENTITY_LABELS: Record<string, string> = {
  organization: '党组织',
  org: '党组织',
  user: '用户',
  session: '会话',
  api_key: '接口密钥',
  alliance: '党建联合体',
  alliance_member: '联合体成员',
  alliance_document: '联合体文书',
  alliance_adjustment: '联合体调整',
  filing: '备案',
  red_route: '红色风景线',
  red_district: '红色片区',
};

export const actionLabel = (a: string) => ACTION_LABELS[a] ?? a;
export const entityLabel = (e: string) => ENTITY_LABELS[e] ?? e;
export const roleLabel = (r: string) => (ROLE_LABELS as Record<string, string>)[r] ?? r;
