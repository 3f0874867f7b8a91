import { createRouter, etagOf, tenantRoute, writeErrors } from '@ronghe/http';
import { addProjectNote } from '@ronghe/lists';
import { ProjectDetailSchema, ProjectNoteCreateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader, ProjectParams, TAG } from './params.ts';

/**
 * The thread takes supervision notes (project.supervise) and replies (a
 * confirmed claimant or the alliance, project.deliver): the gate lets either
 * through; the business function decides by the note's kind and the project.
 */
export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/projects/{id}/notes',
  tags: [TAG],
  summary: '督办意见（旗县区、批准联合体的上级党(工)委、联合体）或办理回复（已确认的认领单位、联合体）',
  action: 'project.supervise',
  alsoAllowed: ['project.deliver'],
  request: { params: ProjectParams, body: { content: { 'application/json': { schema: ProjectNoteCreateSchema } }, required: true } },
  responses: {
    201: { description: '已记入督办记录', headers: ETagHeader, content: { 'application/json': { schema: ProjectDetailSchema } } },
    ...writeErrors,
  },
});

export const createNoteRouter = createRouter().openapi(route, async (c) => {
  const body = c.req.valid('json');
  const p = await addProjectNote({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, kind: body.kind, body: body.body, replyToId: body.replyToId } });
  return c.json(p, 201, { ETag: etagOf(p.version) });
});
