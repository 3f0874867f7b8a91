import { PARTY_STANDINGS, PERSON_KIND_LABELS, PERSON_STATUS_LABELS } from '@ronghe/schema/enums';

export { PERSON_KIND_LABELS, PERSON_STATUS_LABELS };
export const PERSON_KIND_OPTIONS = Object.entries(PERSON_KIND_LABELS).map(([value, label]) => ({ value, label }));
export const PARTY_STANDING_OPTIONS = PARTY_STANDINGS.map((s) => ({ value: s, label: `${s}党员` }));
export const PERSON_STATUS_OPTIONS = [
  { value: 'active', label: PERSON_STATUS_LABELS.active },
  { value: 'left', label: PERSON_STATUS_LABELS.left },
  { value: 'all', label: '全部' },
];
export const YES_NO_OPTIONS = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];
export const ALLIANCE_ROLE_LABELS: Record<string, string> = { lead: '牵头单位', member: '成员单位' };
