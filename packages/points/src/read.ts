// What other capabilities may read of the points capability (ADR 0010).
export {};
