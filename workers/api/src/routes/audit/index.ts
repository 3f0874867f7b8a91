import type { Router } from '@ronghe/http';
import { auditRouter } from './list.ts';

/** A county's audit log (审计日志). */
export const auditRouters: readonly Router[] = [auditRouter];
