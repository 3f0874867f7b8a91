import { AppError, auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { allianceDocuments, type AllianceDocument, type DocumentCreateInput, type DocumentView } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { loadAllianceParts } from '../alliances/parts.ts';
import { sha256Hex } from '../common.ts';
import { EDITABLE_FILE } from '../state-machine.ts';
import { metaOf, signersOf, assertSigner, toView } from './view.ts';

export async function createDocument({ ctx, input }: { ctx: Ctx; input: { id: string; doc: DocumentCreateInput } }): Promise<DocumentView> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  assertMay(ctx, 'alliance.manage', a);
  if (a.status === 'dissolved') throw new AppError('conflict', '已撤销的联合体不能再添加文书');
  if (input.doc.kind === 'application' && !EDITABLE_FILE.includes(a.status)) throw new AppError('conflict', '组建申请书只能在提交申请前编写');
  assertSigner(parts, input.doc);
  const now = ctx.clock.now();
  const row: AllianceDocument = {
    id: newId('adc', now),
    allianceId: a.id,
    kind: input.doc.kind,
    title: input.doc.title,
    docDate: input.doc.docDate ?? null,
    status: input.doc.status ?? 'draft',
    signerName: input.doc.signerName ?? null,
    signerOrgId: input.doc.signerOrgId ?? null,
    year: input.doc.year ?? null,
    content: input.doc.content,
    contentHash: await sha256Hex(input.doc.content),
    originalKey: null,
    originalSha256: null,
    originalSize: null,
    originalType: null,
    originalName: null,
    originalAt: null,
    originalBy: null,
    version: 1,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(allianceDocuments).values(row),
    auditInsert(ctx, { action: 'alliance.document_create', entityType: 'alliance_document', entityId: row.id, after: { ...metaOf(row), allianceId: a.id } }),
  ]);
  return toView(row, signersOf(parts));
}
