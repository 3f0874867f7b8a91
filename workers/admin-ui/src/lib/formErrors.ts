import type { FormInstance } from 'antd';
import type { FieldError } from '../api/client.ts';

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

export interface MappedErrors {
  /** Messages that belong to a form field, grouped by field name. */
  fields: Map<string, string[]>;
  /** Messages with no field on this form (shown above the form). */
  general: string[];
}

function add(out: MappedErrors, known: ReadonlySet<string>, field: string | undefined, message: string) {
  if (field && known.has(field)) {
    const list = out.fields.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    out.fields.set(field, list);
  } else if (!out.general.includes(message)) {
    out.general.push(message);
  }
}

/** zod issues from a local safeParse: the first path segment is the field. */
export function fromZodIssues(issues: readonly IssueLike[], known: ReadonlySet<string>): MappedErrors {
  const out: MappedErrors = { fields: new Map(), general: [] };
  for (const issue of issues) add(out, known, issue.path.length ? String(issue.path[0]) : undefined, issue.message);
  return out;
}

/** A 422 from the server names fields as `body.name`; strip the location prefix. */
export function fromServerErrors(errors: readonly FieldError[] | undefined, known: ReadonlySet<string>): MappedErrors {
  const out: MappedErrors = { fields: new Map(), general: [] };
  for (const e of errors ?? []) {
    const segments = e.path.split('.');
    const field = segments[0] === 'body' ? segments[1] : segments[0];
    add(out, known, field, e.message);
  }
  return out;
}

/** Puts mapped messages onto the antd form; returns the messages without a field. */
export function applyErrors(form: FormInstance, mapped: MappedErrors): string[] {
  form.setFields([...mapped.fields].map(([name, errors]) => ({ name, errors })));
  return mapped.general;
}

type NamePath = Array<string | number>;

export function toNamePath(segments: readonly PropertyKey[]): NamePath {
  return segments.map((s) => (typeof s === 'number' ? s : /^\d+$/.test(String(s)) ? Number(s) : String(s)));
}

/**
 * Like applyErrors, for forms with lists and nested groups (members[0].orgId,
 * consortium.households): the whole path names the field. Messages whose first
 * segment the form does not have come back for an alert above the form.
 */
export function applyNestedErrors(
  form: FormInstance,
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
  known: ReadonlySet<string>,
): string[] {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const general: string[] = [];
  for (const issue of issues) {
    const name = toNamePath(issue.path);
    if (name.length && known.has(String(name[0]))) {
      const key = name.join('.');
      const entry = byField.get(key) ?? { name, errors: [] };
      if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
      byField.set(key, entry);
    } else if (!general.includes(issue.message)) {
      general.push(issue.message);
    }
  }
  form.setFields([...byField.values()]);
  return general;
}

/** Server problem `errors` (paths like `body.members.0.orgId`) in the shape applyNestedErrors takes. */
export function serverIssues(errors: readonly FieldError[] | undefined): Array<{ path: string[]; message: string }> {
  return (errors ?? []).map((e) => {
    const segments = e.path ? e.path.split('.') : [];
    return { path: segments[0] === 'body' ? segments.slice(1) : segments, message: e.message };
  });
}
