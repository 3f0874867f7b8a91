// What other capabilities may read of the activities capability (ADR 0010).
// ── Activities, quota plans and check-in (lane: activities) ─────────────────
export { allianceQuotaTodos } from './quotas/todos.ts';
