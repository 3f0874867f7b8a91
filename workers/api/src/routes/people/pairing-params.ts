import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';

export const PairingIdParams = TenantParam.extend({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '编号' }) });
export const PAIRING_TAG = ['双报到'];
