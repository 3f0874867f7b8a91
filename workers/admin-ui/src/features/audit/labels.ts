import {
  ADJUSTMENT_KIND_LABELS,
  ALLIANCE_ACTION_LABELS,
  ALLIANCE_ACTIONS,
  ALLIANCE_STATUS_LABELS,
  CLAIM_STATUS_LABELS,
  DOCUMENT_KIND_LABELS,
  FILING_KIND_LABELS,
  LOCALITY_LABELS,
  NEED_STATUS_LABELS,
  ORG_STATUS_LABELS,
  PERSON_KIND_LABELS,
  PERSON_STATUS_LABELS,
  PROJECT_ACTION_LABELS,
  PROJECT_ACTIONS,
  PROJECT_NOTE_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  RESOURCE_STATUS_LABELS,
  ROLE_LABELS,
  URGENCY_LABELS,
  WARNING_LABELS,
} from '@ronghe/schema';
import { roleLabel } from '../../shared/roleLabel.ts';
// Issue 11: branch organizational life and joint meetings.
import { DECISION_STATUS_LABELS, ORG_LIFE_KIND_LABELS, ORG_LIFE_PERIOD_LABELS } from '@ronghe/schema';

// The one table of words the audit log shows (issue 10 §3 "No raw codes"):
// actions, object types, fields and coded values. test/api/audit-every-write.test.ts
// performs every audited write and fails on any action, object type, field or
// coded value this table cannot name in Chinese.

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
  'user.grants': '修改用户角色',
  'user.reset_password': '重置用户密码',
  'user.enable': '启用用户',
  'user.disable': '停用用户',
  'api_key.issue': '签发接口密钥',
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
  'alliance.document_original_upload': '上传文书盖章扫描件',
  'alliance.adjustment_propose': '提出联合体调整',
  'alliance.adjustment_approve': '同意联合体调整',
  'alliance.adjustment_reject': '不同意联合体调整',
  'filing.acknowledge': '签收备案',
  'red_route.create': '新建红色风景线',
  'red_route.update': '修改红色风景线',
  'red_district.create': '新建红色片区',
  'red_district.update': '修改红色片区',
  'category.create': '新增清单类别',
  'category.update': '修改清单类别',
  'need.create': '登记需求',
  'need.update': '修改需求',
  'need.withdraw': '撤回需求',
  'need.close': '关闭需求',
  'need.extend': '延长需求截止日期',
  'need.hand_over': '联合体撤销时移交需求',
  'need.import': '导入需求',
  'need.submit': '第三方应用提交需求',
  'resource.create': '登记资源',
  'resource.update': '修改资源',
  'resource.withdraw': '撤回资源',
  'resource.hand_over': '联合体撤销时移交资源',
  'resource.import': '导入资源',
  'match.accept': '确认需求资源对接',
  'match.reject': '拒绝对接建议',
  'project.create': '新建项目',
  'project.update': '修改项目',
  'project.plan': '设置项目节点',
  'project.progress': '更新节点进度',
  'project.claim': '认领项目',
  'project.claim_confirm': '同意认领',
  'project.claim_decline': '不同意认领',
  'project.claim_withdraw': '撤回认领',
  ...Object.fromEntries(PROJECT_ACTIONS.map((a) => [`project.${a}`, `项目${PROJECT_ACTION_LABELS[a]}`])),
  'project.hand_over': '联合体撤销时移交项目',
  'project.supervise': '督办意见',
  'project.reply': '办理回复',
  'project.warning': '项目红色预警/上报督办',
  'supervision.run': '督办预警计算',
  'event.dead_letter_replay': '重新投递死信事件',
  // Issue 11: branch organizational life and joint meetings.
  'org_life.record': '登记组织生活',
  'org_life.standard': '设定组织生活标准',
  'meeting.create': '登记联席会议',
  'meeting.decision_complete': '办结联席会议决定事项',
  // 人员 (issue 11)
  'person.create': '登记人员',
  'person.update': '修改人员信息',
  'person.import_create': '导入新增人员',
  'person.import_update': '导入更新人员',
  'person.leave': '人员转出',
  'person.account_link': '关联登录账号',
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
  list_category: '清单类别',
  need: '需求',
  resource: '资源',
  project: '项目',
  tenant: '旗县区',
  dead_letter: '死信事件',
  // Issue 11: branch organizational life and joint meetings.
  org_life_record: '组织生活记录',
  org_life_standard: '组织生活标准',
  meeting: '联席会议',
  meeting_decision: '联席会议决定事项',
  person: '人员',
};

/** Every field an audited change records (before/after, nested objects included), by the name people use. */
export const FIELD_LABELS: Record<string, string> = {
  // 党组织
  id: '编号',
  parentId: '上级党组织',
  parentName: '上级党组织',
  name: '名称',
  kind: '类别',
  domain: '所属领域',
  divisionCode: '行政区划代码',
  isExternal: '外部成员单位',
  externalRegion: '所在地区',
  secretaryName: '书记',
  secretaryPhone: '书记电话',
  liaisonName: '联络员',
  liaisonPhone: '联络员电话',
  memberCount: '党员人数',
  qualityStatus: '达标状态',
  qualityYear: '评定年度',
  qualityDesignatedBy: '评定单位',
  // 文书的盖章扫描件 (ADR 0017)
  original: '盖章扫描件',
  sha256: '文件指纹',
  size: '文件大小',
  contentType: '文件类型',
  fileName: '文件名',
  uploadedAt: '上传时间',
  uploadedByName: '上传人',
  // 逾期需求复核
  overdue: '是否逾期',
  weakFlag: '软弱涣散',
  status: '状态',
  deactivatedAt: '停用时间',
  deactivationReason: '停用原因',
  depth: '层级',
  childCount: '下级组织数',
  version: '版本',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  createdBy: '创建人',
  path: '隶属路径',
  phonesMasked: '电话已脱敏',
  // 党建联合体
  type: '类型',
  typeNote: '类型说明',
  model: '融合模式',
  pairingForm: '联建方式',
  vision: '共同愿景',
  commonNeeds: '共同需求',
  leadOrgId: '牵头党组织',
  leadOrgName: '牵头党组织',
  committeeOrgId: '审批的上级党(工)委',
  committeeOrgName: '审批的上级党(工)委',
  houseRules: '议事规则',
  consortium: '产业联合体',
  appliedOn: '申请日期',
  approvedOn: '批准日期',
  foundedOn: '成立日期',
  startedOn: '开始日期',
  dissolvedOn: '撤销日期',
  members: '成员单位',
  memberId: '成员',
  orgId: '党组织',
  orgName: '党组织',
  role: '角色',
  consortiumRole: '联合体中的角色',
  contributionBp: '出资比例',
  joinedOn: '加入日期',
  leftOn: '退出日期',
  leaveReason: '退出原因',
  layer: '层级',
  post: '职务',
  personName: '姓名',
  sortOrder: '排序',
  seats: '议事机构席位',
  allianceId: '党建联合体',
  allianceIds: '党建联合体',
  allianceName: '党建联合体',
  title: '标题',
  docDate: '文书日期',
  signerName: '签署人',
  signerOrgId: '签署单位',
  year: '年度',
  content: '正文',
  contentHash: '正文校验值',
  onDate: '日期',
  reason: '原因',
  documentId: '文书',
  adjustmentId: '调整申请',
  payload: '调整内容',
  note: '说明',
  decisionNote: '决定意见',
  theme: '主题',
  description: '描述',
  routeIds: '红色风景线',
  countyState: '旗县区签收状态',
  // 三张清单
  alsoServes: '也可满足的类别',
  active: '启用',
  source: '来源',
  categoryId: '类别',
  categoryName: '类别',
  quantity: '数量',
  unit: '单位',
  urgency: '紧急程度',
  deadline: '截止日期',
  raisedByOrgId: '提出单位',
  raiserName: '提出人',
  raiserPhone: '联系电话',
  apiKeyId: '接口密钥',
  committedQty: '已承诺数量',
  inDeliveryQty: '实施中数量',
  fulfilledQty: '已满足数量',
  closedReason: '关闭原因',
  streetCode: '街道（苏木乡镇）',
  communityCode: '社区（嘎查村）',
  gridName: '网格',
  address: '地址',
  lat: '纬度',
  lng: '经度',
  place: '地点',
  offeringOrgId: '提供单位',
  capacity: '可提供数量',
  allocatedQty: '已分配数量',
  scope: '服务范围',
  radiusM: '服务半径（米）',
  availableFrom: '可用开始日期',
  availableTo: '可用结束日期',
  contactName: '联系人',
  contactPhone: '联系电话',
  needId: '需求',
  needs: '需求',
  resourceId: '资源',
  items: '对接明细',
  ownerName: '负责人',
  ownerOrgId: '负责单位',
  budgetFen: '经费（分）',
  funding: '经费',
  amountFen: '金额',
  startOn: '计划开始日期',
  dueOn: '计划完成日期',
  completedOn: '完成日期',
  acceptedOn: '验收日期',
  progressBp: '总进度',
  progressPct: '进度（%）',
  warning: '预警',
  warningReason: '预警原因',
  warningOn: '预警日期',
  escalatedOn: '上报督办日期',
  escalated: '上报督办',
  checked: '检查项目数',
  red: '红色预警数',
  yellow: '黄色预警数',
  beneficiaries: '受益人数',
  deliveredQty: '已交付数量',
  outcomeNote: '成效说明',
  acceptanceNote: '验收意见',
  cancelReason: '取消原因',
  milestone: '节点',
  milestones: '节点',
  weight: '权重',
  doneOn: '完成日期',
  claim: '认领',
  claimId: '认领',
  body: '内容',
  replyToId: '回复的意见',
  from: '原预警',
  to: '新预警',
  // 账号与密钥
  tenant: '旗县区',
  username: '用户名',
  displayName: '姓名',
  grants: '角色',
  scopeOrgId: '所属党组织',
  scopeOrgName: '所属党组织',
  unlocked: '已解除锁定',
  prefix: '密钥前缀',
  revokedAt: '吊销时间',
  lastUsedAt: '最近使用时间',
  // 事件与督办计算
  eventId: '事件',
  consumer: '处理程序',
  replayedAt: '重新投递时间',
  value: '值',
  // Issue 11: organizational life and joint meetings
  heldOn: '会议日期',
  topic: '主题',
  expectedCount: '应到人数',
  presentCount: '实到人数',
  period: '频次',
  times: '每期次数',
  agenda: '议题',
  decisions: '决定事项',
  // 人员 (issue 11)
  partyStanding: '党员类别',
  homeOrgId: '所属党组织',
  inService: '在职党员',
  workUnit: '工作单位',
  skills: '特长',
  phone: '手机号',
  idNumber: '身份证号',
  userId: '登录账号',
  leftReason: '转出原因',
  liaisonPersonId: '联络员（人员库）',
};

const BY_VALUE: Record<string, Record<string, string>> = {
  role: { ...ROLE_LABELS, lead: '牵头单位', member: '成员单位' } as Record<string, string>,
  kind: { ...DOCUMENT_KIND_LABELS, ...ADJUSTMENT_KIND_LABELS, ...FILING_KIND_LABELS, ...PROJECT_NOTE_KIND_LABELS, ...PERSON_KIND_LABELS },
  scope: LOCALITY_LABELS,
  warning: WARNING_LABELS,
  from: WARNING_LABELS,
  to: WARNING_LABELS,
  urgency: URGENCY_LABELS as Record<string, string>,
  countyState: { unread: '未签收', acknowledged: '已签收' },
  action: { ...ALLIANCE_ACTION_LABELS, ...PROJECT_ACTION_LABELS },
};

/** `status` means a different thing on each kind of object. */
const STATUS_BY_ENTITY: Record<string, Record<string, string>> = {
  organization: ORG_STATUS_LABELS,
  alliance: ALLIANCE_STATUS_LABELS,
  alliance_document: { draft: '草稿', adopted: '已通过' },
  alliance_adjustment: { proposed: '待决定', approved: '已同意', rejected: '未同意' },
  need: NEED_STATUS_LABELS,
  resource: RESOURCE_STATUS_LABELS,
  project: PROJECT_STATUS_LABELS,
  user: { active: '启用', disabled: '已停用' },
  red_route: { active: '在用', archived: '已归档' },
  red_district: { active: '在用', archived: '已归档' },
  person: PERSON_STATUS_LABELS,
};

// Issue 11: an organizational-life kind and a standard's period are coded values too; a decision has its own states.
Object.assign(BY_VALUE, { kind: { ...BY_VALUE.kind, ...ORG_LIFE_KIND_LABELS }, period: ORG_LIFE_PERIOD_LABELS });
STATUS_BY_ENTITY.meeting_decision = DECISION_STATUS_LABELS;

/** A claim recorded inside a project's audit row has a claim's states. */
const STATUS_BY_PARENT: Record<string, Record<string, string>> = { claim: CLAIM_STATUS_LABELS };

/** Who acted, when it was not a staff role: the person themself (signing in, their password) or the system. */
export const ACTOR_LABELS: Record<string, string> = { self: '本人', system: '系统' };

export const actionLabel = (a: string) => ACTION_LABELS[a] ?? '其他操作';
export const entityLabel = (e: string) => ENTITY_LABELS[e] ?? '其他对象';
export const fieldLabel = (f: string) => FIELD_LABELS[f] ?? '其他字段';
export const actorRoleLabel = (r: string) => ACTOR_LABELS[r] ?? roleLabel(r);

/**
 * A recorded value in words: coded values (states, kinds, roles) by their
 * Chinese names; `undefined` when the field holds no coded value.
 */
export function codedValueLabel(entityType: string, field: string, value: unknown, parent?: string): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const key = String(value);
  if (field === 'status') return (parent ? STATUS_BY_PARENT[parent] : undefined)?.[key] ?? STATUS_BY_ENTITY[entityType]?.[key];
  return BY_VALUE[field]?.[key];
}

/**
 * Fields that hold internal references (ids of objects, accounts, consumers):
 * the audit page leaves them out, and the names recorded beside them speak instead.
 */
export const isReferenceField = (field: string) => field === 'id' || /(?:Id|Ids)$/.test(field) || REFERENCE_FIELDS.has(field);
const REFERENCE_FIELDS = new Set(['createdBy', 'members', 'alsoServes', 'consumer', 'path']);

/** Fields shown exactly as stored: an API key's prefix is how its holder recognises it. */
export const VERBATIM_FIELDS = new Set(['prefix']);

/** An id of this system (`org_01J…`, a ULID or UUID): a reference people never read. */
export const ID_PATTERN = /^(?:[a-z]{2,5}_[0-9A-Za-z]{10,}|[0-9A-HJKMNP-TV-Z]{26}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A machine code (`in_progress`, `user.disable`, `approval_reply`): it needs a Chinese name before anyone reads it. */
export const CODE_PATTERN = /^[a-z][a-z0-9]*(?:[._][a-z0-9]+)+$|^[a-z]{3,}$/;

export { roleLabel };
