import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '@ronghe/schema/enums';

export const KIND_OPTIONS = ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));
