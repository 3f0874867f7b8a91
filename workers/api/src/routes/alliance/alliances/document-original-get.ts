import { bytesToBase64 } from '@ronghe/core';
import { commonErrors, createRouter, ORIGINAL_MEDIA_TYPES, tenantRoute } from '@ronghe/http';
import { getOriginal } from '@ronghe/alliance';
import { serviceContext } from '../../../lib/service-context.ts';
import { DocumentParams } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/alliances/{id}/documents/{docId}/original',
  tags: ['党建联合体'],
  summary: '下载文书的盖章扫描件（能查看文书者均可下载）',
  action: 'alliance.read',
  request: { params: DocumentParams },
  responses: {
    200: {
      description: '原件；Repr-Digest 头给出 SHA-256',
      content: Object.fromEntries(ORIGINAL_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
    },
    ...commonErrors,
  },
});

export const getDocumentOriginalRouter = createRouter().openapi(route, async (c) => {
  const p = c.req.valid('param');
  const o = await getOriginal({ ctx: serviceContext(c), input: { id: p.id, docId: p.docId }, store: c.env.DOCUMENTS });
  const hex = o.sha256.match(/../g)!.map((h) => parseInt(h, 16));
  return c.body(o.body, 200, {
    'content-type': o.contentType,
    'content-length': String(o.size),
    // RFC 6266: an ASCII fallback plus the UTF-8 name people see.
    'content-disposition': `attachment; filename="original"; filename*=UTF-8''${encodeURIComponent(o.fileName)}`,
    // RFC 9530: the client can check the bytes against the hash the document shows.
    'repr-digest': `sha-256=:${bytesToBase64(Uint8Array.from(hex))}:`,
    'cache-control': 'private, no-store',
  });
});
