import { and, eq, sql } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { orgJoin } from '@ronghe/registry/read';
import { allianceDocuments, type DocumentView } from '@ronghe/schema';
import { metaOf } from './view.ts';

export async function getDocument({ ctx, input }: { ctx: Ctx; input: { id: string; docId: string } }): Promise<DocumentView> {
  const signerOrg = orgJoin('signer_org');
  // One query: a document exists only inside its alliance, so its row proves the alliance too.
  const rows = await ctx.db
    .select({ d: allianceDocuments, signerOrgName: sql<string | null>`${signerOrg.name}`.as('signer_org_name') })
    .from(allianceDocuments)
    .leftJoin(signerOrg, eq(signerOrg.id, allianceDocuments.signerOrgId))
    .where(and(eq(allianceDocuments.id, input.docId), eq(allianceDocuments.allianceId, input.id)))
    .limit(1);
  const r = rows[0];
  if (!r) throw new AppError('not_found', '文书不存在或无权访问');
  return { ...metaOf(r.d), content: r.d.content, signerOrgName: r.signerOrgName };
}
