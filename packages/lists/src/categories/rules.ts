import { type FieldError } from '@ronghe/core';
import { type CategoryView, type ListCategory } from '@ronghe/schema';

export const view = (c: ListCategory): CategoryView => ({ id: c.id, name: c.name, alsoServes: c.alsoServes, sortOrder: c.sortOrder, active: c.active, version: c.version });

export function checks(all: Map<string, ListCategory>, selfId: string | null, v: { name?: string; alsoServes?: string[] }): FieldError[] {
  const errors: FieldError[] = [];
  if (v.name !== undefined && [...all.values()].some((c) => c.name === v.name && c.id !== selfId)) errors.push({ path: 'body.name', message: `类别“${v.name}”已存在` });
  for (const [i, id] of (v.alsoServes ?? []).entries()) {
    if (!all.has(id)) errors.push({ path: `body.alsoServes.${i}`, message: '类别不存在' });
    else if (id === selfId) errors.push({ path: `body.alsoServes.${i}`, message: '不能选择类别自身' });
  }
  return errors;
}
