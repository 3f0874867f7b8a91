import { ALLIANCE_STATUS_LABELS } from '@ronghe/schema/enums';
import type { AllianceStatus } from '@ronghe/schema';

// An alliance's status as every page shows it (a coloured tag): the alliance pages,
// the alliance picker of the lists and red routes, and any overview that counts by status.

export { ALLIANCE_STATUS_LABELS };

export const ALLIANCE_STATUS_COLORS: Record<AllianceStatus, string> = {
  draft: 'default',
  applied: 'processing',
  approved: 'cyan',
  rejected: 'error',
  established: 'geekblue',
  active: 'success',
  rectifying: 'warning',
  dissolved: 'default',
};
