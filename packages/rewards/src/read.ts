// What other capabilities may read of the rewards capability (ADR 0010).
export {};
