// The rewards capability (issue 12; seed 000 11.2.1, seed 004 四(二)(三)): the 以奖代补 allocation engine and reward rounds.
// Named exports only (ADR 0010).
export {};
