// What other capabilities may read of the activities capability (ADR 0010).
export {};
