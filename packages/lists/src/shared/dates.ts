import { shanghaiDate, type Ctx } from '@ronghe/core';

export function today(ctx: Ctx): string {
  return shanghaiDate(ctx.clock.now());
}
