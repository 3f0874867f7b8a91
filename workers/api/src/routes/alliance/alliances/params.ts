import { TenantParam } from '@ronghe/http';
import { idParam } from '../../../lib/params.ts';

export const AllianceParams = TenantParam.extend({ id: idParam('id', '联合体编号', 'aln_01jd0000000000000000000000') });
export const MemberParams = AllianceParams.extend({ memberId: idParam('memberId', '成员记录编号', 'alm_01jd0000000000000000000000') });
export const DocumentParams = AllianceParams.extend({ docId: idParam('docId', '文书编号', 'adc_01jd0000000000000000000000') });
export const AdjustmentParams = AllianceParams.extend({ adjId: idParam('adjId', '调整事项编号', 'adj_01jd0000000000000000000000') });
