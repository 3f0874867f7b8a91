// What other capabilities may read of the 工作台 (ADR 0010): nothing. It owns
// `notifications`, a person's own inbox, which only its routes and its events
// consumer touch; it reads the others through their read.ts.
export {};
