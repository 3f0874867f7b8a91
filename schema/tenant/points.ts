// The points capability (issue 11; seed 002 (九), seed 000 9.1): point rules
// as versioned data, the append-only ledger and totals kept in the same batch.
export {};
