// What other capabilities may read of the assessment capability (ADR 0010).
export {};
