import { shanghaiDate, validation, type Ctx } from '@ronghe/core';

/** A ledger date: a real calendar day, not after today in Asia/Shanghai. */
export function assertLedgerDate(ctx: Ctx, occurredOn: string, path = 'body.occurredOn'): void {
  if (occurredOn > shanghaiDate(ctx.clock.now())) throw validation([{ path, message: '发生日期不能晚于今天' }]);
}
