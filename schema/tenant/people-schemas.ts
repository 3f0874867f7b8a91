// The people capability's edge schemas (zod: inputs, views, labels).

// ── People registry ─────────────────────────────────────────────────────────
export {};



// ── 双报到 (lane: pairing) ──────────────────────────────────────────────────



// ── 报到领岗 (lane: posts) ──────────────────────────────────────────────────


