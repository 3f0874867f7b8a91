// The honours capability (issue 12; seed 004, seed 000 11.2.1): branch standardization, 最强党支部 designations and demonstration sites.
// Named exports only (ADR 0010).
export {};
