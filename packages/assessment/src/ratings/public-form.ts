import type { Ctx } from '@ronghe/core';
import type { PublicRatingFormView } from '@ronghe/schema';
import { answerableLink } from './public-link.ts';

/** What a resident's link opens: the county, the alliance's name, the year and the question — nothing else. */
export async function publicRatingForm({ ctx, input }: { ctx: Ctx; input: { token: string } }): Promise<PublicRatingFormView> {
  const { link, loaded } = await answerableLink(ctx, input.token);
  return {
    countyName: ctx.tenant.name,
    allianceName: loaded.alliance.name,
    year: loaded.assessment.year,
    question: `您对“${loaded.alliance.name}”${loaded.assessment.year}年为群众办实事、解难题的情况满意吗？`,
    expiresAt: link.expiresAt,
  };
}
