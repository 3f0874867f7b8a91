import { TenantParam } from '@ronghe/http';
import { idParam } from '../../../lib/params.ts';

export const OrgParams = TenantParam.extend({ id: idParam('id', '党组织编号', 'org_01jd0000000000000000000000') });
