import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { allianceDocuments, type AllianceDocument, type DocumentUpdateInput, type DocumentView } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { loadAllianceParts } from '../alliances/parts.ts';
import { assertVersion, sha256Hex } from '../common.ts';
import { metaOf, signersOf, assertSigner, toView, findDocument } from './view.ts';

/** Drafts change freely; an adopted (passed, signed, issued) document is a record and stays as it is. */
export async function updateDocument({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; docId: string; expectedVersion: number; patch: DocumentUpdateInput };
}): Promise<DocumentView> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  assertMay(ctx, 'alliance.manage', a);
  const current = await findDocument(ctx, a.id, input.docId);
  if (a.status === 'dissolved') throw new AppError('conflict', '已撤销的联合体的文书不能修改');
  if (current.status === 'adopted') throw new AppError('conflict', '已通过或已签署的文书不能修改；如需修订，请新建一份文书');
  assertVersion(current.version, input.expectedVersion);
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as DocumentUpdateInput;
  assertSigner(parts, { kind: current.kind, signerOrgId: patch.signerOrgId === undefined ? current.signerOrgId : patch.signerOrgId });
  const next: AllianceDocument = {
    ...current,
    ...patch,
    contentHash: patch.content !== undefined ? await sha256Hex(patch.content) : current.contentHash,
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(allianceDocuments)
        .set({ ...next, id: undefined })
        .where(and(eq(allianceDocuments.id, current.id), eq(allianceDocuments.version, current.version))),
      auditGuarded(ctx, { action: 'alliance.document_update', entityType: 'alliance_document', entityId: current.id, before: metaOf(current), after: metaOf(next) }),
    ]),
  );
  return toView(next, signersOf(parts));
}
