import { AppError, type FieldError } from '@ronghe/core';
import type { OrgDomain, OrgKind, QualityStatus } from '@ronghe/schema';

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

/** Who is setting a designation: the city organization department, the county's, or a committee reviewer. */
export type DesignatorLevel = 'city' | 'county' | 'committee';

/**
 * Seed 004 三(三) 支部申请 → 街道党工委考评 → 区委组织部验收, 四(三) 被区委评定 / 被市委评定:
 * 最强党支部（市级） is the city's designation, (区级) the county's; a street or township
 * reviewer assesses and recommends but does not designate. Only a rise is checked: lowering
 * (取消评定) stays with whoever may edit the organization.
 */
export function designationProblems(level: DesignatorLevel, next: QualityStatus, previous: QualityStatus): FieldError[] {
  if (next === previous || RANK[next] <= RANK[previous]) return [];
  if (next === '最强党支部（市级）' && level !== 'city') {
    return [{ path: 'body.qualityStatus', message: '最强党支部（市级）由市委评定，旗县区不能设定；已有的市级评定请通过导入登记评定年度和评定单位' }];
  }
  if (next === '最强党支部（区级）' && level === 'committee') {
    return [{ path: 'body.qualityStatus', message: '最强党支部（区级）由旗县区委评定、组织部验收，街道（苏木乡镇）党(工)委只能考评推荐' }];
  }
  return [];
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
