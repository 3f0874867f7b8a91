import { AppError } from '@ronghe/core';
import { EDITABLE_FILE } from '../state-machine.ts';

export function assertFileEditable(status: string) {
  if (!EDITABLE_FILE.includes(status as never)) {
    throw new AppError('conflict', '联合体申请提交后，成员增减须通过“调整”由上级党(工)委决定');
  }
}
