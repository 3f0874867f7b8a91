// What other capabilities may read of the funds capability (ADR 0010).
export {};
