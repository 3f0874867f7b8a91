import type { Ctx } from '@ronghe/core';
import { writeWorkbook } from '@ronghe/core/xlsx';
import { ORG_LIFE_KIND_LABELS, ORG_LIFE_KINDS, ORG_LIFE_PERIOD_LABELS, type OrgLifeComplianceQuery } from '@ronghe/schema';
import { allOrgLifeCompliance } from './compliance-get.ts';

/** The county table of branches' organizational life as .xlsx: one row per branch, one column per kind (met periods / due periods). */
export async function exportOrgLifeCompliance({ ctx, input }: { ctx: Ctx; input: Omit<OrgLifeComplianceQuery, 'page' | 'limit'> }): Promise<Uint8Array<ArrayBuffer>> {
  const { rows } = await allOrgLifeCompliance(ctx, input);
  const kinds = rows[0]?.kinds ?? [];
  const header = ['党支部', '状态', '未达标项数', ...ORG_LIFE_KINDS.map((k) => {
    const s = kinds.find((x) => x.kind === k);
    return `${ORG_LIFE_KIND_LABELS[k]}${s ? `（${ORG_LIFE_PERIOD_LABELS[s.period]}${s.times > 1 ? ` ${s.times} 次` : ''}）` : ''}`;
  })].map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = rows.map((r) => [
    { value: r.orgName },
    { value: r.status === 'met' ? '达标' : '未达标' },
    { value: r.behindKinds, type: Number },
    ...ORG_LIFE_KINDS.map((k) => {
      const c = r.kinds.find((x) => x.kind === k)!;
      return { value: `已开 ${c.held} 次；应达标 ${c.periodsDue} 期，达标 ${c.periodsMet} 期${c.status === 'behind' ? '（未达标）' : ''}` };
    }),
  ]);
  return writeWorkbook([{ sheet: `${input.year}年组织生活`, data: [header, ...body], columns: [{ width: 30 }, { width: 10 }, { width: 10 }, ...ORG_LIFE_KINDS.map(() => ({ width: 30 }))], stickyRowsCount: 1 }]);
}
