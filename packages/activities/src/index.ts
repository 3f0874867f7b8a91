// The activities capability (issue 11). Named exports only (ADR 0010).
export {};
