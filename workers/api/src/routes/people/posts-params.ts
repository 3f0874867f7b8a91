import { TenantParam } from '@ronghe/http';
import { idParam } from '../../lib/params.ts';

export const PostParams = TenantParam.extend({ id: idParam('id', '岗位编号', 'pst_01jd0000000000000000000000') });
export const PostClaimParams = PostParams.extend({ claimId: idParam('claimId', '领岗编号', 'pcm_01jd0000000000000000000000') });
export const PostServiceParams = PostParams.extend({ logId: idParam('logId', '服务记录编号', 'svc_01jd0000000000000000000000') });
export const MyPostParams = TenantParam.extend({ postId: idParam('postId', '岗位编号', 'pst_01jd0000000000000000000000') });
export const MyClaimParams = TenantParam.extend({ id: idParam('id', '领岗编号', 'pcm_01jd0000000000000000000000') });

export const TAG = '报到领岗';
