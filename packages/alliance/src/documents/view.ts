import { and, eq } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { allianceDocuments, type AllianceDocument, type DocumentView } from '@ronghe/schema';
import { type AllianceParts } from '../alliances/parts.ts';
import { originalOf } from './original-view.ts';

/** The document as the audit log keeps it: without its body (which has its hash) and with the original in one field. */
export function metaOf(d: AllianceDocument) {
  const { content: _c, originalKey: _k, originalSha256, originalSize, originalType, originalName, originalAt, originalBy, ...meta } = d;
  return { ...meta, original: originalOf({ originalSha256, originalSize, originalType, originalName, originalAt, originalBy }) };
}

/** Who may sign an alliance's documents: its current members, and the approving committee (replies, decisions). */
export function signersOf(parts: AllianceParts): Map<string, string> {
  const signers = new Map(parts.members.filter((r) => r.m.leftOn === null).map((r) => [r.m.orgId, r.orgName]));
  signers.set(parts.alliance.committeeOrgId, parts.alliance.committeeOrgName);
  return signers;
}

export function assertSigner(parts: AllianceParts, d: { kind: string; signerOrgId?: string | null }) {
  if (d.kind === 'agreement') {
    if (!d.signerOrgId) throw new AppError('validation_failed', '共建协议须注明签署单位', { errors: [{ path: 'body.signerOrgId', message: '请选择签署协议的成员单位' }] });
    if (!parts.members.some((r) => r.m.orgId === d.signerOrgId && r.m.leftOn === null)) {
      throw new AppError('validation_failed', '签署单位不是该联合体的成员', { errors: [{ path: 'body.signerOrgId', message: '共建协议的签署单位应是联合体现有成员' }] });
    }
  } else if (d.signerOrgId && !signersOf(parts).has(d.signerOrgId)) {
    throw new AppError('validation_failed', '签署单位不是该联合体的成员或审批单位', { errors: [{ path: 'body.signerOrgId', message: '签署单位应是联合体成员或审批的上级党(工)委' }] });
  }
}

export function toView(d: AllianceDocument, signers: Map<string, string>): DocumentView {
  return { ...metaOf(d), content: d.content, signerOrgName: d.signerOrgId ? (signers.get(d.signerOrgId) ?? null) : null };
}

export async function findDocument(ctx: Ctx, allianceId: string, docId: string): Promise<AllianceDocument> {
  const d = await ctx.db.query.allianceDocuments.findFirst({ where: and(eq(allianceDocuments.id, docId), eq(allianceDocuments.allianceId, allianceId)) });
  if (!d) throw new AppError('not_found', '文书不存在或无权访问');
  return d;
}
