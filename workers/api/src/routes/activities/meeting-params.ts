import { TenantParam } from '@ronghe/http';
import { idParam } from '../../lib/params.ts';

export const TAG = '联席会议';
export const MeetingParams = TenantParam.extend({ id: idParam('id', '联席会议编号', 'mtg_01jd0000000000000000000000') });
export const DecisionParams = TenantParam.extend({ id: idParam('id', '决定事项编号', 'mdc_01jd0000000000000000000000') });
export const DecisionETag = { ETag: { schema: { type: 'string' as const }, description: '决定事项的当前版本，办结时放入 If-Match' } };
