// The activities capability (issue 11): activities against the yearly quotas
// (五个一) with phone check-in, branch organizational life (三会一课) and joint
// meetings (联席会议) with supervised decisions.

export {};
// ── Activities, quota plans and check-in (lane: activities) ─────────────────



// ── Branch organizational life (lane: org-life) ─────────────────────────────



// ── Joint meetings and decisions (lane: meetings) ───────────────────────────


