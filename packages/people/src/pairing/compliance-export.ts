import { type Ctx } from '@ronghe/core';
import { writeWorkbook } from '@ronghe/core/xlsx';
import { complianceTables } from './compliance.ts';
import { MEMBER_STANDING_LABELS, ORG_STANDING_LABELS } from './rules.ts';

/**
 * The two compliance tables as one workbook (单位 and 党员 sheets). It carries
 * no phone at all: names, organizations, counts and standings only.
 */
export async function exportPairingCompliance({ ctx, input }: { ctx: Ctx; input: { year: number } }): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const t = await complianceTables(ctx, input.year);
  const head = (labels: string[]) => labels.map((value) => ({ value, fontWeight: 'bold' as const }));
  const bytes = await writeWorkbook([
    {
      sheet: '单位报到情况',
      data: [
        head(['党组织', '领域', '是否结对', '结对社区', `${input.year}年服务次数`, '达标情况', '评先评优资格']),
        ...t.orgs.map((o) =>
          [o.org.name, o.domain, o.paired ? '是' : '否', o.communities.map((c) => c.name).join('、'), o.records, ORG_STANDING_LABELS[o.standing], o.eligible ? '具备' : '取消'].map((value) => ({ value })),
        ),
      ],
    },
    {
      sheet: '党员报到情况',
      data: [
        head(['姓名', '所在党组织', '是否报到', '报到社区', `${input.year}年服务次数`, '服务时长（小时）', '达标情况']),
        ...t.members.map((m) =>
          [m.person.name, m.homeOrg?.name ?? '', m.reported ? '是' : '否', m.communities.map((c) => c.name).join('、'), m.records, Math.round((m.minutes / 60) * 10) / 10, MEMBER_STANDING_LABELS[m.standing]].map((value) => ({ value })),
        ),
      ],
    },
  ]);
  return { bytes, filename: `双报到达标情况-${input.year}.xlsx` };
}
