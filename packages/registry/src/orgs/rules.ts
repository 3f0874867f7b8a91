import { AppError, type FieldError } from '@ronghe/core';
import { STRONGEST_STATUSES, type OrgDomain, type OrgKind, type QualityStatus } from '@ronghe/schema';

/** Kinds that are branches, the only ones 最强党支部 applies to (seed 004). */
const BRANCH_KINDS: readonly OrgKind[] = ['党支部', '联合党支部', '党总支'];

const RANK: Record<QualityStatus, number> = {
  未达标: 0,
  标准化规范化: 1,
  '最强党支部（区级）': 2,
  '最强党支部（市级）': 3,
};

export interface QualityState {
  kind: OrgKind;
  qualityStatus: QualityStatus;
  weakFlag: boolean;
}

/**
 * Seed 004: 最强党支部 is only for branches, only for those already
 * 标准化规范化 (区级) or 区级 最强 (市级), and never while flagged 软弱涣散.
 * `previous` is absent when a record is first registered (the registry then
 * takes the status as it stands).
 */
export function qualityProblems(next: QualityState, previous?: QualityState): FieldError[] {
  const errors: FieldError[] = [];
  const strongest = RANK[next.qualityStatus] >= 2;
  if (strongest && !BRANCH_KINDS.includes(next.kind)) {
    errors.push({ path: 'body.qualityStatus', message: `最强党支部只适用于${BRANCH_KINDS.join('、')}` });
  }
  if (strongest && next.weakFlag) {
    errors.push({ path: 'body.weakFlag', message: '被列为软弱涣散的党组织不能评为最强党支部，请先整顿销号' });
  }
  if (previous && RANK[next.qualityStatus] > RANK[previous.qualityStatus] + 1 && RANK[next.qualityStatus] >= 2) {
    const need = next.qualityStatus === '最强党支部（市级）' ? '最强党支部（区级）' : '标准化规范化';
    errors.push({
      path: 'body.qualityStatus',
      message: `${next.qualityStatus}须从“${need}”逐级晋升，当前为“${previous.qualityStatus}”`,
    });
  }
  return errors;
}

/**
 * Seed 004 三(四): 最强党支部 is granted only when every rule holds (标准化规范化 accepted, annual review 优秀,
 * ≥ 90 % of the evaluating members rating it 优秀, no verified 不满意, no department objecting), and that is
 * checked by 最强党支部评定 (packages/honours, which writes the registry through setQualityStatusStatement).
 * Editing an organization therefore never sets a 最强 designation, at any level and for any role; keeping the
 * one it holds, or lowering it, stays possible. An earlier designation comes in by Excel import with its year
 * and designating body (legacy registration).
 */
export const STRONGEST_BY_EDIT = 'strongest_by_edit';

export function strongestByEditRefusal(next: QualityStatus, previous: QualityStatus): AppError | null {
  if (next === previous || !(STRONGEST_STATUSES as readonly string[]).includes(next)) return null;
  const message = `“${next}”须通过“最强党支部评定”逐条核验规则后评定，不能在编辑党组织时直接设定；已有的往年评定请通过 Excel 导入登记评定年度和评定单位`;
  return new AppError('conflict', message, { errors: [{ path: 'body.qualityStatus', message }], extra: { reason: STRONGEST_BY_EDIT } });
}

/**
 * The other way round (review of issue 12): a 最强 status that rests on a designation still in force
 * (最强党支部评定, packages/honours) is not lowered by editing the organization — the designation would stay
 * in force unseen, and the honours list, the rollup and the funds would keep counting it. The edit is
 * refused and names the path that revokes it with a reason on the branch's history (荣誉与示范 → 撤销评定);
 * the registry's status then falls back by itself. A status without a designation behind it (registered by
 * Excel import) is still lowered by an edit; so is one lowered together with the 软弱涣散 flag, whose event
 * makes honours revoke the designation (动态调整, seed 004 四(四)).
 */
export const STRONGEST_LOWERED_BY_EDIT = 'strongest_lowered_by_edit';

const LEVEL_STATUS = { county: '最强党支部（区级）', city: '最强党支部（市级）' } as const;

export function strongestLoweredByEditRefusal(
  next: { qualityStatus: QualityStatus; weakFlag: boolean },
  previous: QualityStatus,
  inForce: ReadonlyArray<{ level: 'county' | 'city'; year: number }>,
): AppError | null {
  if (next.weakFlag || RANK[next.qualityStatus] >= RANK[previous]) return null;
  // Only the designations ranking above the new status would be left behind.
  const above = inForce.filter((d) => RANK[LEVEL_STATUS[d.level]] > RANK[next.qualityStatus]);
  if (!above.length) return null;
  const named = [...new Set(above.map((d) => `${d.year} 年度“${LEVEL_STATUS[d.level]}”`))].join('、');
  const message = `该党组织的${named}评定仍然有效，不能在编辑党组织时降低达标状态；请在“荣誉与示范”中对该评定办理“撤销评定”并写明原因，达标状态随之回落`;
  return new AppError('conflict', message, { errors: [{ path: 'body.qualityStatus', message }], extra: { reason: STRONGEST_LOWERED_BY_EDIT } });
}

/** Who designates at each level, recorded with the status when it is set through the registry. */
export function designatingBody(status: QualityStatus, tenant: { name: string; kind: 'county' | 'city' }): string | null {
  if (status === '未达标') return null;
  if (status === '最强党支部（市级）') return '中共赤峰市委员会';
  if (status === '最强党支部（区级）') return tenant.kind === 'city' ? '中共赤峰市委员会' : `中共${tenant.name}委员会`;
  return tenant.kind === 'city' ? '赤峰市委组织部' : `${tenant.name}委组织部`;
}

/**
 * A new organization starts 未达标 (seed 004: designation follows assessment); an import may
 * register an earlier designation when it records its year and designating body.
 */
export function newOrgQualityProblems(status: QualityStatus, record: { year: number | null; body: string | null } | null): FieldError[] {
  if (status === '未达标') return [];
  if (!record) return [{ path: 'body.qualityStatus', message: '新建党组织的达标状态只能是“未达标”；已有的评定请通过 Excel 导入并填写评定年度和评定单位' }];
  const errors: FieldError[] = [];
  if (record.year == null) errors.push({ path: 'body.qualityYear', message: `“${status}”须填写评定年度` });
  if (!record.body) errors.push({ path: 'body.qualityDesignatedBy', message: `“${status}”须填写评定单位` });
  return errors;
}

export function externalProblems(input: { isExternal: boolean; externalRegion: string | null; parentId: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (input.isExternal && !input.externalRegion) {
    errors.push({ path: 'body.externalRegion', message: '外部成员单位须填写所在地区' });
  }
  if (input.isExternal && input.parentId) {
    errors.push({ path: 'body.parentId', message: '外部成员单位保留原隶属关系，不能挂在本旗县区组织之下' });
  }
  return errors;
}

/**
 * 市委 is the 领域 of 中共赤峰市委员会 alone, registered in the city's own
 * registry; a county's organization is never the city committee. Only a change
 * to 市委 is checked, so a row already holding it stays editable.
 */
export function domainProblems(domain: OrgDomain, tenantKind: 'county' | 'city', previous?: OrgDomain): FieldError[] {
  if (domain !== '市委' || tenantKind === 'city' || previous === '市委') return [];
  return [{ path: 'body.domain', message: '所属领域“市委”只用于中共赤峰市委员会，旗县区的党组织请选择其实际领域' }];
}

export function throwIfAny(errors: FieldError[]): void {
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).join('；'), { errors });
}
