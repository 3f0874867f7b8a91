import { DECISION_STATUS_LABELS, WARNING_LABELS } from '@ronghe/schema/enums';
import type { WarningLevel } from '@ronghe/schema';

export { DECISION_STATUS_LABELS, WARNING_LABELS };
/** The projects' warning colours (督办): red overdue, gold at risk, green on track. */
export const WARNING_COLORS: Record<WarningLevel, string> = { red: 'red', yellow: 'gold', green: 'green', none: 'default' };
