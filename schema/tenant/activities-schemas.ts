// The activities capability's edge schemas (zod: inputs, views, labels).
export {};

// ── Activities, quota plans and check-in (lane: activities) ─────────────────



// ── Branch organizational life (lane: org-life) ─────────────────────────────



// ── Joint meetings and decisions (lane: meetings) ───────────────────────────


