import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { writeWorkbook } from '@ronghe/core/xlsx';
import { allAllianceRefsQuery } from '@ronghe/alliance/read';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  ASSESSMENT_STATUS_LABELS,
  assessments,
  type AssessmentListInput,
  type AssessmentListItem,
  type GradeCount,
} from '@ronghe/schema';
import { points } from './scoring.ts';

/** The assessments of a year with their alliance's name, by alliance name (pinyin order of the registry's sort key is the alliance's own; here zh-CN collation). */
async function yearRows(ctx: Ctx, year: number): Promise<AssessmentListItem[]> {
  const [rows, refs] = await Promise.all([
    ctx.db.select().from(assessments).where(eq(assessments.year, year)).orderBy(asc(assessments.createdAt)),
    allAllianceRefsQuery(ctx, 'asm_committee'),
  ]);
  const names = new Map(refs.map((r) => [r.id, r.name]));
  return rows
    .map((a) => ({
      id: a.id,
      allianceId: a.allianceId,
      allianceName: names.get(a.allianceId) ?? '',
      year: a.year,
      status: a.status,
      statusLabel: ASSESSMENT_STATUS_LABELS[a.status],
      score: a.score,
      grade: a.grade,
      gradeLabel: a.grade ? ASSESSMENT_GRADE_LABELS[a.grade] : null,
    }))
    .sort((x, y) => x.allianceName.localeCompare(y.allianceName, 'zh-CN'));
}

/** How many finalized assessments of `year` reached each grade (every grade listed, best first). */
export async function gradeDistribution(ctx: Ctx, year: number): Promise<GradeCount[]> {
  const rows = await ctx.db.select({ grade: assessments.grade }).from(assessments).where(and(eq(assessments.year, year), eq(assessments.status, 'finalized')));
  return ASSESSMENT_GRADES.map((g) => ({ grade: g, gradeLabel: ASSESSMENT_GRADE_LABELS[g], count: rows.filter((r) => r.grade === g).length }));
}

/** 年度考核 list: a year's assessments (filtered by grade or status), the grade distribution, and how many are still open. */
export async function listAssessments({ ctx, input }: { ctx: Ctx; input: AssessmentListInput }) {
  const all = await yearRows(ctx, input.year);
  const items = all.filter((r) => (!input.grade || r.grade === input.grade) && (!input.status || r.status === input.status));
  const distribution = ASSESSMENT_GRADES.map((g) => ({ grade: g, gradeLabel: ASSESSMENT_GRADE_LABELS[g], count: all.filter((r) => r.status === 'finalized' && r.grade === g).length }));
  return { items, distribution, open: all.filter((r) => r.status === 'open').length };
}

/** The year's results as an .xlsx workbook (filename in Chinese). */
export async function exportAssessments({ ctx, input }: { ctx: Ctx; input: { year: number } }): Promise<{ filename: string; bytes: Uint8Array<ArrayBuffer> }> {
  const rows = await yearRows(ctx, input.year);
  const header = ['序号', '党建联合体', '年度', '状态', '得分', '等次'].map((value) => ({ value, fontWeight: 'bold' as const }));
  const data = [
    [{ value: `${input.year}年度党建联合体考核结果`, fontWeight: 'bold' as const }],
    header,
    ...rows.map((r, i) => [
      { value: i + 1, type: Number },
      { value: r.allianceName },
      { value: r.year, type: Number },
      { value: r.statusLabel },
      { value: r.score === null ? '' : points(r.score) },
      { value: r.gradeLabel ?? '' },
    ]),
  ];
  const bytes = await writeWorkbook([{ sheet: `${input.year}年度考核`, data, columns: [{ width: 6 }, { width: 36 }, { width: 8 }, { width: 10 }, { width: 10 }, { width: 8 }] } as never]);
  return { filename: `${input.year}年度党建联合体考核结果.xlsx`, bytes };
}
