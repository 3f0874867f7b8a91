import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderEventsDoc } from '../../packages/events/src/doc.ts';

// The event catalogue document is generated; like the migrations' drift check,
// the committed file must be exactly what the schemas produce today.
it('docs/events.md is what `pnpm events:doc` generates from the event schemas', () => {
  const committed = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');
  expect(committed, 'run `pnpm events:doc` and commit docs/events.md').toBe(renderEventsDoc());
});
