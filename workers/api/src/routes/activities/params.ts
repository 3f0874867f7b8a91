import { TenantParam } from '@ronghe/http';
import { idParam } from '../../lib/params.ts';

export const ActivityParams = TenantParam.extend({ id: idParam('id', '活动编号', 'act_01jd0000000000000000000000') });
export const QuotaParams = TenantParam.extend({ allianceId: idParam('allianceId', '党建联合体编号', 'aln_01jd0000000000000000000000') });

export const ETagHeader = { ETag: { schema: { type: 'string' as const }, description: '活动的当前版本，修改时放入 If-Match' } };

export const TAG = '联合体活动';
export const MY_TAG = '我的活动（党员）';
