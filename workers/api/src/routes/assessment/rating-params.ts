import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';
import { idParam } from '../../lib/params.ts';

/** `/t/{tenant}/assessments/{id}/…`: the assessment rated. */
export const AssessmentParams = TenantParam.extend({ id: idParam('id', '考核编号', 'asm_01jabcde0000000000000000000') });
/** `/t/{tenant}/my/ratings/{assessmentId}`. */
export const MyAssessmentParams = TenantParam.extend({ assessmentId: idParam('assessmentId', '考核编号', 'asm_01jabcde0000000000000000000') });
export const TokenParam = z.object({
  token: z.string().max(100).openapi({ param: { name: 'token', in: 'path' }, description: '评议链接中的令牌（含旗县区标识）', example: 'hongshan.AbCd…' }),
});
