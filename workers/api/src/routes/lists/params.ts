import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';

const idParam = (description: string, example: string) => z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example, description });

export const NeedParams = TenantParam.extend({ id: idParam('需求编号', 'ned_01jd0000000000000000000000') });
export const ResourceParams = TenantParam.extend({ id: idParam('资源编号', 'res_01jd0000000000000000000000') });
export const CategoryParams = TenantParam.extend({ id: idParam('类别编号', 'cat_elderly') });
/** The alliance an import goes into. */
export const ImportQuery = z.object({ allianceId: z.string({ message: '请选择导入到哪个党建联合体' }).min(1, { message: '请选择导入到哪个党建联合体' }).max(40) }).strict();
export const ImportResultSchema = z.object({ created: z.number().int() }).openapi('ListImportResult');
