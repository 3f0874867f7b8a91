// The assessment capability (issue 12; seed 000 8.2, seed 003 mechanism 6, seed 004 三(三)): indicator schemes, the annual alliance assessment and its 四评 ratings.
// Named exports only (ADR 0010).
export {};
