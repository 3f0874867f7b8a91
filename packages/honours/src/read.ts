// What other capabilities may read of the honours capability (ADR 0010).
export {};
