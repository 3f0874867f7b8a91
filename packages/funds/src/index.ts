// The funds capability (issue 12; seed 000 11.2.2, seed 003 mechanism 5): the alliance fund ledger (经费保障).
// Named exports only (ADR 0010).
export {};
