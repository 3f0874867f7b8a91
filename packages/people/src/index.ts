// The people capability (issue 11): people registry, 双报到, 报到领岗.
// Named exports only (ADR 0010): what the workers, scripts and tests call.
export { activeMembersOf, peopleById, personOfUser, type PersonRef } from './read.ts';
