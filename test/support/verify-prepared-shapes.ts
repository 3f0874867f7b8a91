import { verifyPreparedShapes } from '@ronghe/core';

// Every read of a kept query shape builds its SQL again and compares (packages/core/src/prepared-reads.ts):
// a builder that lets a request's value into the SQL fails the route test that sends a second request,
// instead of serving one person's or one county's statement to the next.
verifyPreparedShapes(true);
