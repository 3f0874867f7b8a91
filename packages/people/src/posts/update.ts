import { sql } from 'drizzle-orm';
import { auditGuarded, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import type { PostUpdateInput, PostView } from '@ronghe/schema';
import { assertOwner, fieldError, loadPost, postView, today } from './shared.ts';

/** The owner edits a post or closes/reopens it. Places never drop below the places already taken. */
export async function updatePost({ ctx, input }: { ctx: Ctx; input: PostUpdateInput & { id: string } }): Promise<PostView> {
  const { post, owner } = await loadPost(ctx, input.id);
  assertOwner(ctx, 'post.manage', owner);
  const { id, ...fields } = input;
  const next = { ...post, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  if (next.startsOn > next.endsOn) throw fieldError('body.endsOn', '结束日期不能早于开始日期');
  if (next.places < post.taken) throw fieldError('body.places', `已有 ${post.taken} 人领岗，岗位人数不能少于 ${post.taken}`, 'conflict');
  const changed = Object.keys(fields).filter((k) => JSON.stringify((fields as Record<string, unknown>)[k]) !== JSON.stringify((post as Record<string, unknown>)[k]));
  if (changed.length) {
    const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, o[k]]));
    const now = ctx.clock.now();
    try {
      await runGuarded(() =>
        writeBatch(ctx.db, [
          // Guarded by the version read (a concurrent edit is 412) and by the places taken (a claim landing meanwhile).
          sql`UPDATE posts SET title = ${next.title}, duties = ${next.duties}, places = ${next.places}, starts_on = ${next.startsOn}, ends_on = ${next.endsOn},
                 skills = ${JSON.stringify(next.skills)}, status = ${next.status}, version = version + 1, updated_at = ${now}
              WHERE id = ${id} AND version = ${post.version} AND taken <= ${next.places}`,
          auditGuarded(ctx, { action: 'post.update', entityType: 'post', entityId: id, before: pick(post), after: pick(next) }),
        ]),
      );
    } catch (err) {
      if (/CHECK constraint failed/.test(String((err as Error).message) + String((err as { cause?: Error }).cause?.message))) throw fieldError('body.places', '岗位人数不能少于已领岗人数', 'conflict');
      throw err;
    }
  }
  const fresh = await loadPost(ctx, id);
  return postView(fresh.post, fresh.owner, today(ctx));
}
