import { TenantParam } from '@ronghe/http';
import { idParam } from '../../lib/params.ts';

export const TAG = '组织生活';
export const RecordParams = TenantParam.extend({ id: idParam('id', '组织生活记录编号', 'olr_01jd0000000000000000000000') });
export const BranchParams = TenantParam.extend({ orgId: idParam('orgId', '党支部编号', 'org_01jd0000000000000000000000') });
