import { AppError, type FieldError } from '@ronghe/core';
import type { OrgKind, QualityStatus } from '@ronghe/schema';

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

export function throwIfAny(errors: FieldError[]): void {
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).join('；'), { errors });
}
