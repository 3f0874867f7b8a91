import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';
import { idParam } from '../../lib/params.ts';

// Shared by the list areas: a resource's or a category's routes and the matching of a need.
export const NeedParams = TenantParam.extend({ id: idParam('id', '需求编号', 'ned_01jd0000000000000000000000') });
export const ResourceParams = TenantParam.extend({ id: idParam('id', '资源编号', 'res_01jd0000000000000000000000') });
export const CategoryParams = TenantParam.extend({ id: idParam('id', '类别编号', 'cat_elderly') });

/** The alliance an import goes into. */
export const ImportQuery = z.object({ allianceId: z.string({ message: '请选择导入到哪个党建联合体' }).min(1, { message: '请选择导入到哪个党建联合体' }).max(40) }).strict();
export const ImportResultSchema = z.object({ created: z.number().int() }).openapi('ListImportResult');
