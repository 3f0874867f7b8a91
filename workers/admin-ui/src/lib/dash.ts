/** An empty value in a description list or table cell shows as a dash. */
export const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
