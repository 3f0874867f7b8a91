import { bytesToBase64 } from '@ronghe/core';
import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, PHOTO_MEDIA_TYPES, tenantRoute, writeErrors } from '@ronghe/http';
import { addActivityPhoto, getActivityPhoto, listActivityPhotos, removeActivityPhoto } from '@ronghe/activities';
import { ActivityPhotoListSchema, ActivityPhotoSchema, plainText } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { idParam } from '../../lib/params.ts';
import { ActivityParams, TAG } from './params.ts';

const PhotoParams = ActivityParams.extend({ photoId: idParam('photoId', '照片编号', 'aph_01jd0000000000000000000000') });

const listRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/activities/{id}/photos',
  tags: [TAG],
  summary: '活动照片列表',
  action: 'activity.read',
  request: { params: ActivityParams },
  responses: { 200: { description: '照片', content: { 'application/json': { schema: ActivityPhotoListSchema } } }, ...commonErrors },
});

export const listActivityPhotosRouter = createRouter().openapi(listRoute, async (c) => {
  const list = await listActivityPhotos({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(list, 200);
});

const addRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/activities/{id}/photos',
  tags: [TAG],
  summary: '上传活动照片（JPG/PNG，≤ 10 MB，每个活动最多 20 张；按文件头识别类型，记录 SHA-256）',
  action: 'activity.manage',
  body: 'photo',
  request: {
    params: ActivityParams,
    query: z.object({ fileName: plainText('文件名').pipe(z.string().max(200, '文件名不能超过 200 个字符')).optional().openapi({ description: '原文件名，下载时沿用' }) }),
  },
  responses: { 201: { description: '已上传', content: { 'application/json': { schema: ActivityPhotoSchema } } }, ...writeErrors },
});

export const addActivityPhotoRouter = createRouter().openapi(addRoute, async (c) => {
  const p = await addActivityPhoto({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, declaredType: c.req.header('content-type') ?? null, fileName: c.req.valid('query').fileName ?? null, bytes: await c.req.arrayBuffer() },
    store: c.env.DOCUMENTS,
  });
  return c.json(p, 201);
});

const getRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/activities/{id}/photos/{photoId}',
  tags: [TAG],
  summary: '下载活动照片（能查看活动者均可下载）',
  action: 'activity.read',
  request: { params: PhotoParams },
  responses: {
    200: { description: '照片；Repr-Digest 头给出 SHA-256', content: Object.fromEntries(PHOTO_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) },
    ...commonErrors,
  },
});

export const getActivityPhotoRouter = createRouter().openapi(getRoute, async (c) => {
  const p = c.req.valid('param');
  const o = await getActivityPhoto({ ctx: serviceContext(c), input: { id: p.id, photoId: p.photoId }, store: c.env.DOCUMENTS });
  const hex = o.sha256.match(/../g)!.map((h) => parseInt(h, 16));
  return c.body(o.body, 200, {
    'content-type': o.contentType,
    'content-length': String(o.size),
    // Shown inline (thumbnails); the UTF-8 name is kept for saving.
    'content-disposition': `inline; filename="photo"; filename*=UTF-8''${encodeURIComponent(o.fileName)}`,
    'repr-digest': `sha-256=:${bytesToBase64(Uint8Array.from(hex))}:`,
    'cache-control': 'private, no-store',
  });
});

const removeRoute = tenantRoute({
  method: 'delete',
  path: '/t/{tenant}/activities/{id}/photos/{photoId}',
  tags: [TAG],
  summary: '删除活动照片',
  action: 'activity.manage',
  request: { params: PhotoParams },
  responses: { 200: { description: '已删除；返回剩余照片', content: { 'application/json': { schema: ActivityPhotoListSchema } } }, ...writeErrors },
});

export const removeActivityPhotoRouter = createRouter().openapi(removeRoute, async (c) => {
  const p = c.req.valid('param');
  const ctx = serviceContext(c);
  await removeActivityPhoto({ ctx, input: { id: p.id, photoId: p.photoId }, store: c.env.DOCUMENTS });
  return c.json(await listActivityPhotos({ ctx, input: { id: p.id } }), 200);
});
