import { and, eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, auditInsert, newId, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { allianceDocuments, organizations, type AllianceDocument, type DocumentCreateInput, type DocumentUpdateInput, type DocumentView } from '@ronghe/schema';
import { assertMay } from './access.ts';
import { loadAllianceParts, type AllianceParts } from './alliance-read.ts';
import { assertVersion, sha256Hex } from './common.ts';
import { EDITABLE_FILE } from './state-machine.ts';

function metaOf(d: AllianceDocument) {
  const { content: _c, ...meta } = d;
  return meta;
}

/** Who may sign an alliance's documents: its current members, and the approving committee (replies, decisions). */
function signersOf(parts: AllianceParts): Map<string, string> {
  const signers = new Map(parts.members.filter((r) => r.m.leftOn === null).map((r) => [r.m.orgId, r.orgName]));
  signers.set(parts.alliance.committeeOrgId, parts.alliance.committeeOrgName);
  return signers;
}

function assertSigner(parts: AllianceParts, d: { kind: string; signerOrgId?: string | null }) {
  if (d.kind === 'agreement') {
    if (!d.signerOrgId) throw new AppError('validation_failed', '共建协议须注明签署单位', { errors: [{ path: 'body.signerOrgId', message: '请选择签署协议的成员单位' }] });
    if (!parts.members.some((r) => r.m.orgId === d.signerOrgId && r.m.leftOn === null)) {
      throw new AppError('validation_failed', '签署单位不是该联合体的成员', { errors: [{ path: 'body.signerOrgId', message: '共建协议的签署单位应是联合体现有成员' }] });
    }
  } else if (d.signerOrgId && !signersOf(parts).has(d.signerOrgId)) {
    throw new AppError('validation_failed', '签署单位不是该联合体的成员或审批单位', { errors: [{ path: 'body.signerOrgId', message: '签署单位应是联合体成员或审批的上级党(工)委' }] });
  }
}

function toView(d: AllianceDocument, signers: Map<string, string>): DocumentView {
  return { ...d, signerOrgName: d.signerOrgId ? (signers.get(d.signerOrgId) ?? null) : null };
}

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

async function findDocument(ctx: Ctx, allianceId: string, docId: string): Promise<AllianceDocument> {
  const d = await ctx.db.query.allianceDocuments.findFirst({ where: and(eq(allianceDocuments.id, docId), eq(allianceDocuments.allianceId, allianceId)) });
  if (!d) throw new AppError('not_found', '文书不存在或无权访问');
  return d;
}

export async function getDocument({ ctx, input }: { ctx: Ctx; input: { id: string; docId: string } }): Promise<DocumentView> {
  // One query: a document exists only inside its alliance, so its row proves the alliance too.
  const rows = await ctx.db
    .select({ d: allianceDocuments, signerOrgName: sql<string | null>`${organizations.name}`.as('signer_org_name') })
    .from(allianceDocuments)
    .leftJoin(organizations, eq(organizations.id, allianceDocuments.signerOrgId))
    .where(and(eq(allianceDocuments.id, input.docId), eq(allianceDocuments.allianceId, input.id)))
    .limit(1);
  const r = rows[0];
  if (!r) throw new AppError('not_found', '文书不存在或无权访问');
  return { ...r.d, signerOrgName: r.signerOrgName };
}

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
