// `pnpm events:doc`: writes docs/events.md from the event catalogue's zod schemas (ADR 0012).
import { writeFileSync } from 'node:fs';
import { renderEventsDoc } from '../packages/events/src/doc.ts';

const target = new URL('../docs/events.md', import.meta.url);
writeFileSync(target, renderEventsDoc());
console.log(`wrote ${target.pathname}`);
