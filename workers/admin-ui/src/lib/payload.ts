// Request bodies built from antd's inputs.

/** Typed text as sent: trimmed, and null when nothing is left. */
export const text = (v: unknown) => (typeof v === 'string' ? v.trim() || null : null);

/** A create body: what the form left empty is left out, so the schema's defaults apply. */
export function withoutBlanks(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined && x !== null));
}

/**
 * A PATCH body: only the fields whose value differs from the item as it was
 * read, so an edit never rewrites what the user did not touch. An undefined
 * value (an input that cannot be sent as it stands) is never sent.
 */
export function changedFields(now: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(now)) {
    if (x === undefined) continue;
    if (JSON.stringify(x) !== JSON.stringify(before[k])) payload[k] = x;
  }
  return payload;
}
