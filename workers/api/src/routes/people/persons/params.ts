import { TenantParam } from '@ronghe/http';
import { idParam } from '../../../lib/params.ts';

export const PersonParams = TenantParam.extend({ id: idParam('id', '人员编号', 'psn_01jd0000000000000000000000') });
