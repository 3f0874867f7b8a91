import type { FormInstance } from 'antd';
import type { FieldError } from '../../../api/client.ts';

// lib/formErrors.ts maps only a path's first segment; account forms also have a
// list of grants, where the server names fields like `body.grants.0.scopeOrgId`.

export type NamePath = Array<string | number>;

export function namePathOf(path: string): NamePath {
  const segments = path.split('.');
  if (segments[0] === 'body') segments.shift();
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Puts each server message on the form field it names, when `isField` says the
 * form has that field; returns the messages that belong to no field.
 */
export function applyServerErrors(
  form: FormInstance,
  errors: readonly FieldError[] | undefined,
  isField: (name: NamePath) => boolean,
): string[] {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const general: string[] = [];
  for (const e of errors ?? []) {
    const name = namePathOf(e.path);
    if (!isField(name)) {
      if (!general.includes(e.message)) general.push(e.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(e.message)) entry.errors.push(e.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return general;
}

/** Whether a name path is `grants.<i>.role` or `grants.<i>.scopeOrgId` for a row the form shows. */
export function isGrantField(name: NamePath, rows: number): boolean {
  return (
    name.length === 3 &&
    name[0] === 'grants' &&
    typeof name[1] === 'number' &&
    name[1] < rows &&
    (name[2] === 'role' || name[2] === 'scopeOrgId')
  );
}
