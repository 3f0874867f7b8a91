import { type Ctx } from '@ronghe/core';
import { type ProjectDetailView } from '@ronghe/schema';
import { loadProjectParts } from './parts.ts';
import { toDetail } from './detail.ts';

export async function getProject({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ProjectDetailView> {
  return toDetail(ctx, await loadProjectParts(ctx, input.id));
}
