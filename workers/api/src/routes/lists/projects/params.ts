import { TenantParam } from '@ronghe/http';
import { idParam } from '../../../lib/params.ts';

export const ProjectParams = TenantParam.extend({ id: idParam('id', '项目编号', 'prj_01jd0000000000000000000000') });
export const MilestoneParams = ProjectParams.extend({ milestoneId: idParam('milestoneId', '节点编号', 'pms_01jd0000000000000000000000') });
export const ClaimParams = ProjectParams.extend({ claimId: idParam('claimId', '认领编号', 'pcl_01jd0000000000000000000000') });

/** A project's header names what the version is of (the API document has said so since the lists began). */
export const ETagHeader = { ETag: { schema: { type: 'string' as const }, description: '项目的当前版本，修改时放入 If-Match' } };

export const TAG = '项目清单';
