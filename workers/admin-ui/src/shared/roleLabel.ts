import { ROLE_LABELS } from '@ronghe/schema';

/** A role as people read it (县委组织部管理员 …); an unknown role from an older record reads as itself. */
export const roleLabel = (r: string) => (ROLE_LABELS as Record<string, string>)[r] ?? r;
