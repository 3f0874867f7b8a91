import { z } from 'zod';
import { ALLIANCE_ACTIONS, PROJECT_ACTIONS, type AllianceAction, type ProjectAction } from '@ronghe/schema';

/**
 * The event catalogue (ADR 0012): every domain event, its payload schema and
 * where each payload field comes from in the audit row of the change.
 *
 * An event is derived from the audit row written by the same batch
 * (packages/core/src/batch.ts), field by field, so it carries exactly the
 * fields listed here and nothing else: ids, statuses, quantities and the names
 * of changed fields — never phones, names of persons, contact fields or
 * password material (test/api/events.test.ts searches every event produced).
 *
 * A field's source is a path into the audit row: `$entity` (the changed
 * object's id), `$changed` (the names of the fields whose value differs
 * between `before` and `after`), `after.x.y` or `before.x`.
 */
export type Source = '$entity' | '$changed' | `after.${string}` | `before.${string}`;

export interface EventDef<S extends z.ZodRawShape = z.ZodRawShape> {
  type: string;
  version: number;
  /** The aggregate the event is about (the audit row's entity type). */
  aggregate: string;
  /** What happened, in Chinese, for the catalogue document. */
  summary: string;
  data: z.ZodObject<S>;
  from: { [K in keyof S]: Source };
}

const id = z.string().min(1);
const optId = z.string().nullable();
const status = z.string().nullable();
const changed = z.array(z.string()).describe('names of the fields whose value changed');
const qty = z.number().int().nullable();

function def<S extends z.ZodRawShape>(type: string, aggregate: string, summary: string, data: S, from: { [K in keyof S]: Source }, version = 1): EventDef<S> {
  return { type, version, aggregate, summary, data: z.object(data).strict(), from };
}

const transition = { from: status, to: status };
const transitionFrom = { from: 'before.status', to: 'after.status' } as const;

const ALLIANCE_PAST: Record<AllianceAction, [string, string]> = {
  apply: ['applied', '联合体提交申请'],
  withdraw: ['withdrawn', '联合体撤回申请'],
  approve: ['approved', '联合体获批准'],
  reject: ['rejected', '联合体申请被驳回'],
  revise: ['revised', '联合体退回修改'],
  establish: ['established', '联合体登记成立'],
  start: ['started', '联合体开始运行'],
  rectify: ['rectification_ordered', '联合体被责令整改'],
  restore: ['restored', '联合体整改后恢复运行'],
  dissolve: ['dissolved', '联合体撤销'],
};

const PROJECT_PAST: Record<ProjectAction, [string, string]> = {
  start: ['started', '项目开始实施'],
  complete: ['completed', '项目完成'],
  accept: ['accepted', '项目通过验收'],
  return: ['returned', '项目被退回'],
  cancel: ['cancelled', '项目取消'],
};

const grants = z.array(z.object({ role: z.string(), scopeOrgId: z.string().nullable().optional(), scopeAllianceId: z.string().nullable().optional() }).strict());

const E = {
  organizationCreated: def('organization.created', 'organization', '新建党组织（含导入新建）', { organizationId: id, parentId: optId, kind: z.string().nullable(), domain: z.string().nullable(), status }, { organizationId: '$entity', parentId: 'after.parentId', kind: 'after.kind', domain: 'after.domain', status: 'after.status' }),
  organizationUpdated: def('organization.updated', 'organization', '修改党组织（含导入更新）', { organizationId: id, changed }, { organizationId: '$entity', changed: '$changed' }),
  organizationDeactivated: def('organization.deactivated', 'organization', '停用党组织', { organizationId: id, ...transition }, { organizationId: '$entity', ...transitionFrom }),
  organizationReactivated: def('organization.reactivated', 'organization', '启用党组织', { organizationId: id, ...transition }, { organizationId: '$entity', ...transitionFrom }),

  apiKeyIssued: def('api_key.issued', 'api_key', '签发开放接口密钥', { apiKeyId: id }, { apiKeyId: '$entity' }),
  apiKeyRevoked: def('api_key.revoked', 'api_key', '吊销开放接口密钥', { apiKeyId: id }, { apiKeyId: '$entity' }),

  accountCreated: def('account.created', 'user', '创建账号', { userId: id, tenant: z.string().nullable(), grants }, { userId: '$entity', tenant: 'after.tenant', grants: 'after.grants' }),
  accountGrantsChanged: def('account.grants_changed', 'user', '修改账号在本旗县区的角色', { userId: id, tenant: z.string().nullable(), grants }, { userId: '$entity', tenant: 'after.tenant', grants: 'after.grants' }),
  accountPasswordReset: def('account.password_reset', 'user', '管理员重置账号密码', { userId: id, tenant: z.string().nullable() }, { userId: '$entity', tenant: 'after.tenant' }),
  accountEnabled: def('account.enabled', 'user', '启用账号', { userId: id, tenant: z.string().nullable(), ...transition }, { userId: '$entity', tenant: 'after.tenant', ...transitionFrom }),
  accountDisabled: def('account.disabled', 'user', '停用账号', { userId: id, tenant: z.string().nullable(), ...transition }, { userId: '$entity', tenant: 'after.tenant', ...transitionFrom }),
  accountPasswordChanged: def('account.password_changed', 'user', '本人修改密码', { userId: id }, { userId: '$entity' }),

  allianceDrafted: def('alliance.drafted', 'alliance', '起草党建联合体', { allianceId: id, type: z.string().nullable(), leadOrgId: optId, committeeOrgId: optId, memberOrgIds: z.array(z.string()).nullable(), status }, { allianceId: '$entity', type: 'after.type', leadOrgId: 'after.leadOrgId', committeeOrgId: 'after.committeeOrgId', memberOrgIds: 'after.members', status: 'after.status' }),
  allianceUpdated: def('alliance.updated', 'alliance', '修改党建联合体', { allianceId: id, changed }, { allianceId: '$entity', changed: '$changed' }),
  allianceMemberAdded: def('alliance.member_added', 'alliance', '添加拟加入成员', { allianceId: id, memberId: optId, orgId: optId }, { allianceId: '$entity', memberId: 'after.memberId', orgId: 'after.orgId' }),
  allianceMemberRemoved: def('alliance.member_removed', 'alliance', '移出拟加入成员', { allianceId: id, memberId: optId, orgId: optId }, { allianceId: '$entity', memberId: 'before.memberId', orgId: 'before.orgId' }),
  allianceMemberUpdated: def('alliance.member_updated', 'alliance_member', '修改成员信息', { memberId: id, allianceId: optId, changed }, { memberId: '$entity', allianceId: 'before.allianceId', changed: '$changed' }),
  allianceGovernanceSet: def('alliance.governance_set', 'alliance', '设置议事机构', { allianceId: id }, { allianceId: '$entity' }),
  allianceDocumentCreated: def('alliance.document_created', 'alliance_document', '新建联合体文书', { documentId: id, allianceId: optId, kind: z.string().nullable(), status }, { documentId: '$entity', allianceId: 'after.allianceId', kind: 'after.kind', status: 'after.status' }),
  allianceDocumentUpdated: def('alliance.document_updated', 'alliance_document', '修改联合体文书', { documentId: id, allianceId: optId, changed, status }, { documentId: '$entity', allianceId: 'after.allianceId', changed: '$changed', status: 'after.status' }),
  // The original's hash, size and sniffed type travel; its file name does not (a name may carry a person's).
  allianceDocumentOriginalUploaded: def(
    'alliance.document_original_uploaded',
    'alliance_document',
    '上传或替换联合体文书的盖章扫描件',
    { documentId: id, allianceId: optId, sha256: optId, size: qty, mediaType: z.string().nullable(), replacedSha256: optId },
    { documentId: '$entity', allianceId: 'after.allianceId', sha256: 'after.original.sha256', size: 'after.original.size', mediaType: 'after.original.contentType', replacedSha256: 'before.original.sha256' },
  ),
  allianceAdjustmentProposed: def('alliance.adjustment_proposed', 'alliance_adjustment', '提出联合体调整', { adjustmentId: id, allianceId: optId, kind: z.string().nullable() }, { adjustmentId: '$entity', allianceId: 'after.allianceId', kind: 'after.kind' }),
  // Version 2: a decision is about the adjustment decided (aggregate alliance_adjustment), the alliance it changes travels as data.
  allianceAdjustmentApproved: def('alliance.adjustment_approved', 'alliance_adjustment', '同意联合体调整', { adjustmentId: id, allianceId: optId, kind: z.string().nullable() }, { adjustmentId: '$entity', allianceId: 'after.allianceId', kind: 'after.kind' }, 2),
  allianceAdjustmentRejected: def('alliance.adjustment_rejected', 'alliance_adjustment', '不同意联合体调整', { adjustmentId: id, allianceId: optId }, { adjustmentId: '$entity', allianceId: 'after.allianceId' }, 2),
  filingAcknowledged: def('filing.acknowledged', 'filing', '旗县区签收备案', { filingId: id, ...transition }, { filingId: '$entity', from: 'before.countyState', to: 'after.countyState' }),
  // Issue 13 (ADR 0024): the city's inbox copies every filing from the county's own row when it hears of it.
  filingCreated: def('filing.created', 'filing', '报送备案（旗县区和市委组织部各自签收）', { filingId: id, kind: z.string().nullable(), allianceId: optId }, { filingId: '$entity', kind: 'after.kind', allianceId: 'after.allianceId' }),
  filingCityAcknowledged: def('filing.city_acknowledged', 'filing', '市委组织部签收备案', { filingId: id, ...transition }, { filingId: '$entity', from: 'before.cityState', to: 'after.cityState' }),
  redRouteCreated: def('red_route.created', 'red_route', '新建红色风景线', { redRouteId: id, allianceIds: z.array(z.string()).nullable() }, { redRouteId: '$entity', allianceIds: 'after.allianceIds' }),
  redRouteUpdated: def('red_route.updated', 'red_route', '修改红色风景线', { redRouteId: id, changed }, { redRouteId: '$entity', changed: '$changed' }),
  redDistrictCreated: def('red_district.created', 'red_district', '新建红色片区', { redDistrictId: id }, { redDistrictId: '$entity' }),
  redDistrictUpdated: def('red_district.updated', 'red_district', '修改红色片区', { redDistrictId: id, changed }, { redDistrictId: '$entity', changed: '$changed' }),

  categoryCreated: def('category.created', 'list_category', '新增清单类别', { categoryId: id }, { categoryId: '$entity' }),
  categoryUpdated: def('category.updated', 'list_category', '修改清单类别', { categoryId: id, changed }, { categoryId: '$entity', changed: '$changed' }),
  needCreated: def('need.created', 'need', '登记需求（含导入、第三方应用提交）', { needId: id, allianceId: optId, categoryId: optId, source: z.string().nullable(), raisedByOrgId: optId, quantity: qty, status }, { needId: '$entity', allianceId: 'after.allianceId', categoryId: 'after.categoryId', source: 'after.source', raisedByOrgId: 'after.raisedByOrgId', quantity: 'after.quantity', status: 'after.status' }),
  needUpdated: def('need.updated', 'need', '修改需求', { needId: id, changed }, { needId: '$entity', changed: '$changed' }),
  needWithdrawn: def('need.withdrawn', 'need', '撤回需求', { needId: id, ...transition }, { needId: '$entity', ...transitionFrom }),
  needClosed: def('need.closed', 'need', '关闭需求', { needId: id, ...transition }, { needId: '$entity', ...transitionFrom }),
  needDeadlineExtended: def('need.deadline_extended', 'need', '延长需求截止日期（逾期复核）', { needId: id, from: z.string().nullable(), to: z.string().nullable() }, { needId: '$entity', from: 'before.deadline', to: 'after.deadline' }),
  resourceCreated: def('resource.created', 'resource', '登记资源（含导入）', { resourceId: id, allianceId: optId, categoryId: optId, offeringOrgId: optId, kind: z.string().nullable(), capacity: qty, status }, { resourceId: '$entity', allianceId: 'after.allianceId', categoryId: 'after.categoryId', offeringOrgId: 'after.offeringOrgId', kind: 'after.kind', capacity: 'after.capacity', status: 'after.status' }),
  resourceUpdated: def('resource.updated', 'resource', '修改资源', { resourceId: id, changed }, { resourceId: '$entity', changed: '$changed' }),
  resourceWithdrawn: def('resource.withdrawn', 'resource', '撤回资源', { resourceId: id, ...transition }, { resourceId: '$entity', ...transitionFrom }),
  matchAccepted: def('match.accepted', 'project', '确认需求资源对接（承接到项目）', { projectId: id, items: z.array(z.object({ needId: z.string(), resourceId: z.string(), quantity: z.number().int() }).strict()).nullable() }, { projectId: '$entity', items: 'after.items' }),
  matchRejected: def('match.rejected', 'need', '拒绝对接建议', { needId: id, resourceId: optId }, { needId: '$entity', resourceId: 'after.resourceId' }),

  projectCreated: def('project.created', 'project', '新建项目', { projectId: id, allianceId: optId, categoryId: optId, ownerOrgId: optId, status }, { projectId: '$entity', allianceId: 'after.allianceId', categoryId: 'after.categoryId', ownerOrgId: 'after.ownerOrgId', status: 'after.status' }),
  projectUpdated: def('project.updated', 'project', '修改项目', { projectId: id, changed }, { projectId: '$entity', changed: '$changed' }),
  projectMilestonesPlanned: def('project.milestones_planned', 'project', '设置项目节点', { projectId: id, progressBp: qty }, { projectId: '$entity', progressBp: 'after.progressBp' }),
  projectMilestoneProgressed: def('project.milestone_progressed', 'project', '更新节点进度', { projectId: id, milestoneId: optId, progressPct: qty, progressBp: qty }, { projectId: '$entity', milestoneId: 'after.milestone.id', progressPct: 'after.milestone.progressPct', progressBp: 'after.progressBp' }),
  claimSubmitted: def('claim.submitted', 'project', '成员单位认领项目', { projectId: id, claimId: optId, orgId: optId }, { projectId: '$entity', claimId: 'after.claimId', orgId: 'after.orgId' }),
  claimConfirmed: def('claim.confirmed', 'project', '联合体同意认领', { projectId: id, claimId: optId, projectFrom: status, projectTo: status }, { projectId: '$entity', claimId: 'after.claim.id', projectFrom: 'before.status', projectTo: 'after.status' }),
  claimDeclined: def('claim.declined', 'project', '联合体不同意认领', { projectId: id, claimId: optId }, { projectId: '$entity', claimId: 'after.claim.id' }),
  claimWithdrawn: def('claim.withdrawn', 'project', '撤回认领', { projectId: id, claimId: optId, projectFrom: status, projectTo: status }, { projectId: '$entity', claimId: 'after.claim.id', projectFrom: 'before.status', projectTo: 'after.status' }),
  // Dissolution settles open work (ADR 0016): an item handed over to another alliance of the county.
  projectHandedOver: def('project.handed_over', 'project', '联合体撤销时项目移交给另一联合体', { projectId: id, fromAllianceId: optId, toAllianceId: optId }, { projectId: '$entity', fromAllianceId: 'before.allianceId', toAllianceId: 'after.allianceId' }),
  needHandedOver: def('need.handed_over', 'need', '联合体撤销时需求移交给另一联合体', { needId: id, fromAllianceId: optId, toAllianceId: optId }, { needId: '$entity', fromAllianceId: 'before.allianceId', toAllianceId: 'after.allianceId' }),
  resourceHandedOver: def('resource.handed_over', 'resource', '联合体撤销时资源移交给另一联合体', { resourceId: id, fromAllianceId: optId, toAllianceId: optId }, { resourceId: '$entity', fromAllianceId: 'before.allianceId', toAllianceId: 'after.allianceId' }),
  supervisionNoteAdded: def('project.supervision_note_added', 'project', '督办意见', { projectId: id }, { projectId: '$entity' }),
  supervisionReplyAdded: def('project.supervision_reply_added', 'project', '督办办理回复', { projectId: id, replyToId: optId }, { projectId: '$entity', replyToId: 'after.replyToId' }),
  projectWarningRaised: def('project.warning_raised', 'project', '项目转为红色预警或逾期上报督办（督办定时任务）', { projectId: id, from: status, to: status, escalated: z.boolean().nullable() }, { projectId: '$entity', from: 'after.from', to: 'after.to', escalated: 'after.escalated' }),
  supervisionRan: def('supervision.ran', 'tenant', '督办预警计算（每日定时任务或手动）', { tenant: id, checked: qty, red: qty, yellow: qty, escalated: qty }, { tenant: '$entity', checked: 'after.checked', red: 'after.red', yellow: 'after.yellow', escalated: 'after.escalated' }),

  // Issue 11 people registry: ids, kind, statuses and changed field names — never a name, phone or identity number.
  personCreated: def('person.created', 'person', '登记人员（含导入新增）', { personId: id, kind: status, partyStanding: status, homeOrgId: optId, status }, { personId: '$entity', kind: 'after.kind', partyStanding: 'after.partyStanding', homeOrgId: 'after.homeOrgId', status: 'after.status' }),
  personUpdated: def('person.updated', 'person', '修改人员信息（含导入更新）', { personId: id, homeOrgId: optId, changed }, { personId: '$entity', homeOrgId: 'after.homeOrgId', changed: '$changed' }),
  personLeft: def('person.left', 'person', '人员转出', { personId: id, homeOrgId: optId, ...transition, leftOn: z.string().nullable() }, { personId: '$entity', homeOrgId: 'after.homeOrgId', ...transitionFrom, leftOn: 'after.leftOn' }),
  personAccountLinked: def('person.account_linked', 'person', '人员关联或解除登录账号', { personId: id, userId: optId, previousUserId: optId }, { personId: '$entity', userId: 'after.userId', previousUserId: 'before.userId' }),
  // 报到领岗 (issue 11, lane posts). Ids, statuses and minutes only: never a person's name or contact.
  postCreated: def('post.created', 'post', '社区或联合体设岗定责', { postId: id, ownerOrgId: optId, ownerAllianceId: optId, places: qty, status }, { postId: '$entity', ownerOrgId: 'after.ownerOrgId', ownerAllianceId: 'after.ownerAllianceId', places: 'after.places', status: 'after.status' }),
  postUpdated: def('post.updated', 'post', '修改岗位或关闭/重新开放', { postId: id, changed, status }, { postId: '$entity', changed: '$changed', status: 'after.status' }),
  postClaimSubmitted: def('post_claim.submitted', 'post_claim', '党员领岗（含按特长组队共同领岗）', { claimId: id, postId: optId, personId: optId, groupId: optId }, { claimId: '$entity', postId: 'after.postId', personId: 'after.personId', groupId: 'after.groupId' }),
  postClaimDecided: def('post_claim.decided', 'post_claim', '设岗单位同意或不同意领岗', { claimId: id, postId: optId, personId: optId, to: status }, { claimId: '$entity', postId: 'after.postId', personId: 'after.personId', to: 'after.status' }),
  serviceLogged: def('service.logged', 'service_log', '党员登记岗位服务', { serviceLogId: id, claimId: optId, postId: optId, personId: optId, minutes: qty }, { serviceLogId: '$entity', claimId: 'after.claimId', postId: 'after.postId', personId: 'after.personId', minutes: 'after.minutes' }),
  serviceConfirmed: def('service.confirmed', 'service_log', '设岗单位确认服务记录', { serviceLogId: id, personId: optId, postId: optId, minutes: qty }, { serviceLogId: '$entity', personId: 'after.personId', postId: 'after.postId', minutes: 'after.minutes' }),
  serviceRejected: def('service.rejected', 'service_log', '设岗单位不予确认服务记录', { serviceLogId: id, personId: optId, postId: optId }, { serviceLogId: '$entity', personId: 'after.personId', postId: 'after.postId' }),
  // 双报到 (issue 11, lane pairing): ids, dates and numbers only — never a contact's name or phone.
  pairingCreated: def('pairing.created', 'org_pairing', '单位与社区结对（组织报到）', { pairingId: id, orgId: optId, communityOrgId: optId, pairedOn: z.string().nullable(), status }, { pairingId: '$entity', orgId: 'after.orgId', communityOrgId: 'after.communityOrgId', pairedOn: 'after.pairedOn', status: 'after.status' }),
  pairingUpdated: def('pairing.updated', 'org_pairing', '修改结对（协议、联系人）', { pairingId: id, changed }, { pairingId: '$entity', changed: '$changed' }),
  pairingEnded: def('pairing.ended', 'org_pairing', '结束结对', { pairingId: id, ...transition, endedOn: z.string().nullable() }, { pairingId: '$entity', ...transitionFrom, endedOn: 'after.endedOn' }),
  memberReportCreated: def('member_report.created', 'member_report', '在职党员到社区报到', { reportId: id, personId: optId, communityOrgId: optId, status }, { reportId: '$entity', personId: 'after.personId', communityOrgId: 'after.communityOrgId', status: 'after.status' }),
  memberReportEnded: def('member_report.ended', 'member_report', '结束在职党员的社区报到', { reportId: id, ...transition }, { reportId: '$entity', ...transitionFrom }),
  reportRecordAdded: def('report_record.added', 'report_record', '社区为在职党员记实（双报到记实档案）', { recordId: id, personId: optId, communityOrgId: optId, minutes: qty }, { recordId: '$entity', personId: 'after.personId', communityOrgId: 'after.communityOrgId', minutes: 'after.minutes' }),
  pairingStandardSet: def('pairing_standard.set', 'pairing_standard', '设置年度双报到达标标准', { year: id, memberMinRecords: qty, memberMinMinutes: qty, orgMinRecords: qty }, { year: '$entity', memberMinRecords: 'after.memberMinRecords', memberMinMinutes: 'after.memberMinMinutes', orgMinRecords: 'after.orgMinRecords' }),
  // Issue 11, activities lane (the points lane consumes activity.attendance_recorded).
  activityCreated: def('activity.created', 'activity', '登记联合体活动', { activityId: id, allianceId: optId, kind: z.string().nullable(), status }, { activityId: '$entity', allianceId: 'after.allianceId', kind: 'after.kind', status: 'after.status' }),
  activityUpdated: def('activity.updated', 'activity', '修改联合体活动（含开展、取消）', { activityId: id, changed, status }, { activityId: '$entity', changed: '$changed', status: 'after.status' }),
  activityAttendanceRecorded: def('activity.attendance_recorded', 'activity_checkin', '党员活动签到（或管理员补录参加人员），每人每次活动只记一次', { checkinId: id, activityId: id, personId: id, allianceId: id }, { checkinId: '$entity', activityId: 'after.activityId', personId: 'after.personId', allianceId: 'after.allianceId' }),
  activityPhotoAdded: def('activity.photo_added', 'activity_photo', '上传活动照片', { photoId: id, activityId: id, size: qty }, { photoId: '$entity', activityId: 'after.activityId', size: 'after.size' }),
  activityPhotoRemoved: def('activity.photo_removed', 'activity_photo', '删除活动照片', { photoId: id, activityId: id }, { photoId: '$entity', activityId: 'before.activityId' }),
  quotaReminded: def('activity_quota.reminded', 'activity_quota_reminder', '每日任务提醒联合体：年度活动考核有风险或未完成（每月每种情况一次）', { allianceId: id, year: qty, month: z.string(), standing: z.string(), kinds: z.array(z.string()) }, { allianceId: 'after.allianceId', year: 'after.year', month: 'after.month', standing: 'after.standing', kinds: 'after.kinds' }),
  // Issue 12 以奖代补 reward rounds (amounts in 分, ids and counts only).
  rewardRoundCreated: def('reward_round.created', 'reward_round', '新建奖补轮次（草稿）', { roundId: id, level: z.string(), year: qty, subject: z.string(), budgetFen: qty }, { roundId: '$entity', level: 'after.level', year: 'after.year', subject: 'after.subject', budgetFen: 'after.budgetFen' }),
  rewardRoundUpdated: def('reward_round.updated', 'reward_round', '修改草稿奖补轮次的预算或规则', { roundId: id, changed }, { roundId: '$entity', changed: '$changed' }),
  rewardRoundSimulated: def('reward_round.simulated', 'reward_round', '模拟奖补分配', { roundId: id, budgetFen: qty, allocatedFen: qty, recipients: qty }, { roundId: '$entity', budgetFen: 'after.budgetFen', allocatedFen: 'after.allocatedFen', recipients: 'after.recipients' }),
  rewardRoundPublished: def('reward_round.published', 'reward_round', '发布奖补轮次（金额定稿，生成待拨付记录）', { roundId: id, level: z.string(), year: qty, subject: z.string(), budgetFen: qty, allocatedFen: qty, recipients: qty }, { roundId: '$entity', level: 'after.level', year: 'after.year', subject: 'after.subject', budgetFen: 'after.budgetFen', allocatedFen: 'after.allocatedFen', recipients: 'after.recipients' }),
  rewardRoundCorrected: def('reward_round.correction_opened', 'reward_round', '为已发布的奖补轮次新建更正轮次', { roundId: id, correctsRoundId: id }, { roundId: '$entity', correctsRoundId: 'after.correctsRoundId' }),
  rewardDisbursed: def('reward.disbursed', 'reward_disbursement', '奖补资金拨付到位（登记拨付日期和凭证号）', { disbursementId: id, roundId: id, recipientType: z.string(), recipientId: id, recipientTenant: optId.describe('a city round: the county of the recipient (its fund ledger); null in a county round'), amountFen: qty, paidOn: z.string() }, { disbursementId: '$entity', roundId: 'after.roundId', recipientType: 'after.recipientType', recipientId: 'after.recipientId', recipientTenant: 'after.recipientTenant', amountFen: 'after.amountFen', paidOn: 'after.paidOn' }),
  quotaPlanSet: def('activity_quota_plan.set', 'alliance', '修改联合体年度活动考核计划', { allianceId: id, year: qty, rows: qty }, { allianceId: '$entity', year: 'after.year', rows: 'after.rows' }),

  // Issue 14 (ADR 0028): a county's webhook endpoints — ids, statuses and event types; never the address's secret.
  webhookEndpointCreated: def('webhook.endpoint_created', 'webhook_endpoint', '登记回调地址', { endpointId: id, eventTypes: z.array(z.string()).nullable(), status }, { endpointId: '$entity', eventTypes: 'after.eventTypes', status: 'after.status' }),
  webhookEndpointUpdated: def('webhook.endpoint_updated', 'webhook_endpoint', '修改、启用或停用回调地址', { endpointId: id, changed, status }, { endpointId: '$entity', changed: '$changed', status: 'after.status' }),
  webhookSecretRotated: def('webhook.secret_rotated', 'webhook_endpoint', '更换回调签名密钥', { endpointId: id }, { endpointId: '$entity' }),
  webhookEndpointAutoDisabled: def('webhook.endpoint_auto_disabled', 'webhook_endpoint', '回调地址连续投递失败被自动停用', { endpointId: id, consecutiveFailures: qty }, { endpointId: '$entity', consecutiveFailures: 'after.consecutiveFailures' }),
  webhookDeliveryReplayed: def('webhook.delivery_replayed', 'webhook_delivery', '重新投递一次回调', { deliveryId: id, endpointId: optId, eventId: optId }, { deliveryId: '$entity', endpointId: 'after.endpointId', eventId: 'after.eventId' }),
  deadLetterReplayed: def('event.dead_letter_replayed', 'dead_letter', '重新投递死信事件', { deadLetterId: id, eventId: optId, consumer: z.string().nullable() }, { deadLetterId: '$entity', eventId: 'after.eventId', consumer: 'after.consumer' }),
  // Issue 11: branch organizational life and joint meetings (ids, kinds, dates and counts only).
  orgLifeRecorded: def('org_life.recorded', 'org_life_record', '党支部登记一次组织生活（三会一课、主题党日、组织生活会、民主评议党员）', { recordId: id, orgId: id, kind: z.string(), heldOn: z.string(), attendeeIds: z.array(z.string()), presentCount: qty }, { recordId: '$entity', orgId: 'after.orgId', kind: 'after.kind', heldOn: 'after.heldOn', attendeeIds: 'after.attendeeIds', presentCount: 'after.presentCount' }),
  orgLifeStandardsSet: def('org_life.standards_set', 'org_life_standard', '旗县区设定某年度组织生活标准频次', { year: id }, { year: '$entity' }),
  meetingRecorded: def('meeting.recorded', 'meeting', '联合体登记联席会议及其决定事项', { meetingId: id, allianceId: id, heldOn: z.string(), decisionIds: z.array(z.string()) }, { meetingId: '$entity', allianceId: 'after.allianceId', heldOn: 'after.heldOn', decisionIds: 'after.decisionIds' }),
  decisionCompleted: def('meeting.decision_completed', 'meeting_decision', '联席会议决定事项办结', { decisionId: id, meetingId: id, allianceId: id, ownerOrgId: id, dueOn: z.string(), doneOn: z.string() }, { decisionId: '$entity', meetingId: 'after.meetingId', allianceId: 'after.allianceId', ownerOrgId: 'after.ownerOrgId', dueOn: 'after.dueOn', doneOn: 'after.doneOn' }),

  // 积分 (issue 11): hand-made ledger entries and rule versions. Points from other events are not re-announced.
  pointsAwarded: def('points.awarded', 'point_entry', '手工加分', { entryId: id, personId: optId, ruleId: optId, points: qty, requested: qty, year: qty, month: qty }, { entryId: '$entity', personId: 'after.personId', ruleId: 'after.ruleId', points: 'after.points', requested: 'after.requested', year: 'after.year', month: 'after.month' }),
  pointsCompensated: def('points.compensated', 'point_entry', '积分冲正', { entryId: id, compensatesId: optId, personId: optId, points: qty, year: qty }, { entryId: '$entity', compensatesId: 'after.compensatesId', personId: 'after.personId', points: 'after.points', year: 'after.year' }),
  // 四评 (issue 12, lane raters): a rating names its group, never who answered; links are counted, never listed.
  assessmentRated: def('assessment.rated', 'assessment_rating', '四评：作出一项评价', { ratingId: id, assessmentId: id, raterGroup: status }, { ratingId: '$entity', assessmentId: 'after.assessmentId', raterGroup: 'after.raterGroup' }),
  ratingLinksIssued: def('assessment.rating_links_issued', 'assessment', '签发群众评判链接', { assessmentId: id, count: qty }, { assessmentId: '$entity', count: 'after.count' }),
  ratingLinksRevoked: def('assessment.rating_links_revoked', 'assessment', '作废群众评判链接', { assessmentId: id, count: qty }, { assessmentId: '$entity', count: 'after.count' }),
  // Issue 12, funds lane: one event per ledger entry (an income, a spending, a member's part of a contribution call, a reversal).
  fundEntryRecorded: def('fund_entry.recorded', 'fund_entry', '联合体经费记账（收入、支出、各方筹分摊或冲正；冲正金额为负）', { entryId: id, allianceId: id, kind: z.string(), source: z.string().nullable(), amountFen: z.number().int(), reversesId: optId }, { entryId: '$entity', allianceId: 'after.allianceId', kind: 'after.kind', source: 'after.source', amountFen: 'after.amountFen', reversesId: 'after.reversesId' }),
  pointRuleChanged: def('point_rule.changed', 'point_rule', '修改积分规则（新版本）', { ruleId: id, code: z.string().nullable(), version: qty, previousRuleId: optId, changed }, { ruleId: '$entity', code: 'after.code', version: 'after.version', previousRuleId: 'before.id', changed: '$changed' }),
  // Issue 12, lane assess: indicator schemes and the annual alliance assessment.
  schemeCreated: def('indicator_scheme.created', 'indicator_scheme', '新建指标体系（草稿，含复制沿用）', { schemeId: id, level: status, year: qty, version: qty, copiedFromId: optId }, { schemeId: '$entity', level: 'after.level', year: 'after.year', version: 'after.version', copiedFromId: 'after.copiedFromId' }),
  schemeUpdated: def('indicator_scheme.updated', 'indicator_scheme', '修改指标体系草稿', { schemeId: id, changed }, { schemeId: '$entity', changed: '$changed' }),
  schemePublished: def('indicator_scheme.published', 'indicator_scheme', '发布指标体系', { schemeId: id, ...transition }, { schemeId: '$entity', ...transitionFrom }),
  assessmentOpened: def('assessment.opened', 'assessment', '开启联合体年度考核（系统计算指标已预填）', { assessmentId: id, allianceId: optId, year: qty, schemeId: optId }, { assessmentId: '$entity', allianceId: 'after.allianceId', year: 'after.year', schemeId: 'after.schemeId' }),
  assessmentRefreshed: def('assessment.refreshed', 'assessment', '重新计算年度考核的系统指标', { assessmentId: id, allianceId: optId, year: qty }, { assessmentId: '$entity', allianceId: 'after.allianceId', year: 'after.year' }),
  assessmentScored: def('assessment.scored', 'assessment', '考核组录入指标评分', { assessmentId: id, indicatorId: optId, raw: qty }, { assessmentId: '$entity', indicatorId: 'after.indicatorId', raw: 'after.raw' }),
  assessmentFinalized: def('assessment.finalized', 'assessment', '年度考核定档（得分、等次，报县、市备案）', { assessmentId: id, allianceId: optId, year: qty, score: qty, grade: status }, { assessmentId: '$entity', allianceId: 'after.allianceId', year: 'after.year', score: 'after.score', grade: 'after.grade' }),

  // Issue 12, honours lane (seed 004): ids, years, levels, statuses and tallies only.
  standardizationApplied: def('branch_standardization.applied', 'branch_standardization', '党支部申请标准化规范化考评', { standardizationId: id, orgId: optId, year: qty, status }, { standardizationId: '$entity', orgId: 'after.orgId', year: 'after.year', status: 'after.status' }),
  standardizationEvaluated: def('branch_standardization.evaluated', 'branch_standardization', '街道（乡镇）党(工)委完成四评考评', { standardizationId: id, orgId: optId, year: qty, orgScore: qty, annualReviewGrade: z.string().nullable() }, { standardizationId: '$entity', orgId: 'after.orgId', year: 'after.year', orgScore: 'after.orgScore', annualReviewGrade: 'after.annualReviewGrade' }),
  standardizationDecided: def('branch_standardization.decided', 'branch_standardization', '区委组织部验收通过或退回标准化规范化申请', { standardizationId: id, orgId: optId, year: qty, ...transition }, { standardizationId: '$entity', orgId: 'after.orgId', year: 'after.year', ...transitionFrom }),
  standardizationRevoked: def('branch_standardization.revoked', 'branch_standardization', '取消标准化规范化评定（动态调整）', { standardizationId: id, orgId: optId, year: qty, ...transition }, { standardizationId: '$entity', orgId: 'after.orgId', year: 'after.year', ...transitionFrom }),
  honourGranted: def('honour.granted', 'honour_designation', '评定"最强党支部"（区级或市级）', { designationId: id, orgId: optId, year: qty, level: z.string().nullable() }, { designationId: '$entity', orgId: 'after.orgId', year: 'after.year', level: 'after.level' }),
  honourRevoked: def('honour.revoked', 'honour_designation', '撤销"最强党支部"评定（手工或因软弱涣散）', { designationId: id, orgId: optId, year: qty, level: z.string().nullable(), cause: z.string().nullable() }, { designationId: '$entity', orgId: 'after.orgId', year: 'after.year', level: 'after.level', cause: 'after.cause' }),
  demoSiteDesignated: def('demo_site.designated', 'demo_site', '确定示范点（党建联合体或党组织）', { demoSiteId: id, subjectType: z.string().nullable(), subjectId: optId, level: z.string().nullable(), year: qty }, { demoSiteId: '$entity', subjectType: 'after.subjectType', subjectId: 'after.subjectId', level: 'after.level', year: 'after.year' }),
  demoSiteRevoked: def('demo_site.revoked', 'demo_site', '撤销示范点', { demoSiteId: id, subjectType: z.string().nullable(), subjectId: optId, level: z.string().nullable(), year: qty }, { demoSiteId: '$entity', subjectType: 'after.subjectType', subjectId: 'after.subjectId', level: 'after.level', year: 'after.year' }),
};

const allianceTransitions = Object.fromEntries(
  ALLIANCE_ACTIONS.map((a) => {
    const [past, summary] = ALLIANCE_PAST[a];
    return [`alliance.${a}`, def(`alliance.${past}`, 'alliance', summary, { allianceId: id, ...transition, onDate: z.string().nullable(), documentId: optId }, { allianceId: '$entity', ...transitionFrom, onDate: 'after.onDate', documentId: 'after.documentId' })];
  }),
);
const projectTransitions = Object.fromEntries(
  PROJECT_ACTIONS.map((a) => {
    const [past, summary] = PROJECT_PAST[a];
    return [`project.${a}`, def(`project.${past}`, 'project', summary, { projectId: id, ...transition }, { projectId: '$entity', ...transitionFrom })];
  }),
);

/**
 * Audited action → its event. `null` with a reason: the action is audited but
 * changes no business object (signing in and out is security bookkeeping).
 * An audited action missing here fails test/api/events.test.ts.
 */
export const ACTION_EVENTS: Record<string, EventDef | { none: string }> = {
  'org.create': E.organizationCreated,
  'org.import_create': E.organizationCreated,
  'org.update': E.organizationUpdated,
  'org.import_update': E.organizationUpdated,
  'org.deactivate': E.organizationDeactivated,
  'org.reactivate': E.organizationReactivated,
  'api_key.issue': E.apiKeyIssued,
  'api_key.revoke': E.apiKeyRevoked,
  'user.create': E.accountCreated,
  'user.grants': E.accountGrantsChanged,
  'user.reset_password': E.accountPasswordReset,
  'user.enable': E.accountEnabled,
  'user.disable': E.accountDisabled,
  'auth.password_changed': E.accountPasswordChanged,
  'auth.login': { none: '登录是会话记录，不改变业务对象' },
  'auth.login_failed': { none: '登录失败只记审计，不改变业务对象' },
  'auth.locked': { none: '账号临时锁定是登录防护的会话记录，不改变业务对象' },
  'auth.logout': { none: '退出登录是会话记录，不改变业务对象' },
  'alliance.create': E.allianceDrafted,
  'alliance.update': E.allianceUpdated,
  ...allianceTransitions,
  'alliance.member_add': E.allianceMemberAdded,
  'alliance.member_remove': E.allianceMemberRemoved,
  'alliance.member_update': E.allianceMemberUpdated,
  'alliance.governance': E.allianceGovernanceSet,
  'alliance.document_create': E.allianceDocumentCreated,
  'alliance.document_update': E.allianceDocumentUpdated,
  'alliance.document_original_upload': E.allianceDocumentOriginalUploaded,
  'alliance.adjustment_propose': E.allianceAdjustmentProposed,
  'alliance.adjustment_approve': E.allianceAdjustmentApproved,
  'alliance.adjustment_reject': E.allianceAdjustmentRejected,
  'filing.acknowledge': E.filingAcknowledged,
  'filing.create': E.filingCreated,
  'filing.city_acknowledge': E.filingCityAcknowledged,
  'city_filing.acknowledge': { none: '市委组织部签收在控制库的留痕；事件由旗县区库里同一次签收发出（filing.city_acknowledged）' },
  'red_route.create': E.redRouteCreated,
  'red_route.update': E.redRouteUpdated,
  'red_district.create': E.redDistrictCreated,
  'red_district.update': E.redDistrictUpdated,
  'category.create': E.categoryCreated,
  'category.update': E.categoryUpdated,
  'need.create': E.needCreated,
  'need.import': E.needCreated,
  'need.submit': E.needCreated,
  'need.update': E.needUpdated,
  'need.withdraw': E.needWithdrawn,
  'need.close': E.needClosed,
  'need.extend': E.needDeadlineExtended,
  'need.hand_over': E.needHandedOver,
  'resource.create': E.resourceCreated,
  'resource.import': E.resourceCreated,
  'resource.update': E.resourceUpdated,
  'resource.withdraw': E.resourceWithdrawn,
  'resource.hand_over': E.resourceHandedOver,
  'match.accept': E.matchAccepted,
  'match.reject': E.matchRejected,
  'project.create': E.projectCreated,
  'project.update': E.projectUpdated,
  'project.plan': E.projectMilestonesPlanned,
  'project.progress': E.projectMilestoneProgressed,
  'project.claim': E.claimSubmitted,
  'project.claim_confirm': E.claimConfirmed,
  'project.claim_decline': E.claimDeclined,
  'project.claim_withdraw': E.claimWithdrawn,
  ...projectTransitions,
  'project.hand_over': E.projectHandedOver,
  'project.supervise': E.supervisionNoteAdded,
  'project.reply': E.supervisionReplyAdded,
  'project.warning': E.projectWarningRaised,
  'supervision.run': E.supervisionRan,
  'event.dead_letter_replay': E.deadLetterReplayed,
  // Issue 14: webhooks (ADR 0028).
  'webhook.endpoint_create': E.webhookEndpointCreated,
  'webhook.endpoint_update': E.webhookEndpointUpdated,
  'webhook.endpoint_enable': E.webhookEndpointUpdated,
  'webhook.endpoint_disable': E.webhookEndpointUpdated,
  'webhook.secret_rotate': E.webhookSecretRotated,
  'webhook.endpoint_auto_disable': E.webhookEndpointAutoDisabled,
  'webhook.delivery_replay': E.webhookDeliveryReplayed,
  // Issue 11: branch organizational life and joint meetings.
  'org_life.record': E.orgLifeRecorded,
  'org_life.standard': E.orgLifeStandardsSet,
  'meeting.create': E.meetingRecorded,
  'meeting.decision_complete': E.decisionCompleted,
  'person.create': E.personCreated,
  'person.import_create': E.personCreated,
  'person.update': E.personUpdated,
  'person.import_update': E.personUpdated,
  'person.leave': E.personLeft,
  'person.account_link': E.personAccountLinked,
  'points.award': E.pointsAwarded,
  'points.compensate': E.pointsCompensated,
  'points.rule_change': E.pointRuleChanged,
  // 报到领岗 (issue 11, lane posts)
  'post.create': E.postCreated,
  'post.update': E.postUpdated,
  'post_claim.create': E.postClaimSubmitted,
  'post_claim.approve': E.postClaimDecided,
  'post_claim.decline': E.postClaimDecided,
  'service.log': E.serviceLogged,
  'service.confirm': E.serviceConfirmed,
  'service.reject': E.serviceRejected,
  // 双报到 (lane pairing)
  'pairing.create': E.pairingCreated,
  'pairing.update': E.pairingUpdated,
  'pairing.end': E.pairingEnded,
  'member_report.create': E.memberReportCreated,
  'member_report.end': E.memberReportEnded,
  'report_record.add': E.reportRecordAdded,
  'pairing_standard.set': E.pairingStandardSet,
  // Issue 11, activities lane.
  'activity.create': E.activityCreated,
  'activity.update': E.activityUpdated,
  'activity.checkin': E.activityAttendanceRecorded,
  'activity.attendance_record': E.activityAttendanceRecorded,
  'activity.photo_add': E.activityPhotoAdded,
  'activity.photo_remove': E.activityPhotoRemoved,
  'activity_quota_plan.set': E.quotaPlanSet,
  // Issue 12 以奖代补.
  'reward_round.create': E.rewardRoundCreated,
  'reward_round.update': E.rewardRoundUpdated,
  'reward_round.simulate': E.rewardRoundSimulated,
  'reward_round.publish': E.rewardRoundPublished,
  'reward_round.correct': E.rewardRoundCorrected,
  'reward_disbursement.pay': E.rewardDisbursed,
  'activity_quota.remind': E.quotaReminded,
  // Issue 12, lane assess.
  'assessment.scheme_create': E.schemeCreated,
  'assessment.scheme_copy': E.schemeCreated,
  'assessment.scheme_update': E.schemeUpdated,
  'assessment.scheme_publish': E.schemePublished,
  'assessment.open': E.assessmentOpened,
  'assessment.refresh': E.assessmentRefreshed,
  'assessment.score': E.assessmentScored,
  'assessment.finalize': E.assessmentFinalized,
  // 四评 (issue 12, lane raters).
  'assessment.rate': E.assessmentRated,
  'assessment.rating_links_issue': E.ratingLinksIssued,
  'assessment.rating_links_revoke': E.ratingLinksRevoked,
  // Issue 12, honours lane.
  'standardization.apply': E.standardizationApplied,
  'standardization.evaluate': E.standardizationEvaluated,
  'standardization.accept': E.standardizationDecided,
  'standardization.return': E.standardizationDecided,
  'standardization.revoke': E.standardizationRevoked,
  'honour.designate': E.honourGranted,
  'honour.revoke': E.honourRevoked,
  'demo_site.designate': E.demoSiteDesignated,
  'demo_site.revoke': E.demoSiteRevoked,
  // Issue 12, funds lane.
  'fund.record': E.fundEntryRecorded,
  'fund.contribution_call': E.fundEntryRecorded,
  'fund.reverse': E.fundEntryRecorded,
  // A reward round's paid disbursement posted as 上级拨 by an event consumer (packages/funds/src/postings/reward.ts).
  'fund.reward_post': E.fundEntryRecorded,
};

export function isEvent(x: EventDef | { none: string } | undefined): x is EventDef {
  return !!x && 'type' in x;
}

/** Every event type once, in catalogue order. */
export const EVENTS: readonly EventDef[] = [...new Map(Object.values(ACTION_EVENTS).filter(isEvent).map((e) => [e.type, e])).values()];

export const EVENT_BY_TYPE: ReadonlyMap<string, EventDef> = new Map(EVENTS.map((e) => [e.type, e]));

/** The envelope every event travels in. */
export const envelopeSchema = z
  .object({
    id: z.string().regex(/^evt_[0-9a-z]{26}$/),
    type: z.string(),
    version: z.number().int().positive(),
    tenant: z.string(),
    aggregate: z.object({ type: z.string(), id: z.string() }).strict(),
    actor: z.object({ userId: z.string(), role: z.string() }).strict(),
    at: z.number().int(),
    requestId: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export type EventEnvelope = z.infer<typeof envelopeSchema>;

/** Validates an envelope and its payload against the catalogue. */
export function parseEvent(value: unknown): EventEnvelope {
  const env = envelopeSchema.parse(value);
  const d = EVENT_BY_TYPE.get(env.type);
  if (!d) throw new Error(`unknown event type ${env.type}`);
  return { ...env, data: d.data.parse(env.data) as Record<string, unknown> };
}
