import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PORT = Number(process.env.E2E_PORT ?? 8799);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** Every seeded demo account starts with this password (scripts/start.ts seeds them). */
export const DEMO_PASSWORD = 'Ronghe@2026';
