// `pnpm db:check`: the committed migrations agree with the drizzle tables, both
// as drizzle-kit sees them (snapshots) and as SQLite builds them (the SQL).
import { HAND_WRITTEN } from '../test/repo/hand-written-schema.ts';
import { DB_KINDS, generateIntoCopy, schemaDrift } from './lib/schema-drift.ts';

let failed = false;
for (const kind of DB_KINDS) {
  const { printed, added } = await generateIntoCopy(kind);
  if (added.length > 0 || !/No schema changes/.test(printed)) {
    failed = true;
    console.error(`✗ ${kind}: drizzle-kit would generate a migration (${added.join(', ') || 'see below'}); run \`pnpm db:generate\` and commit it\n${printed}`);
  } else {
    console.log(`✓ ${kind}: snapshots match the drizzle tables`);
  }
  const drift = await schemaDrift(kind, HAND_WRITTEN[kind]);
  if (drift.length > 0) {
    failed = true;
    console.error(`✗ ${kind}: the migrations' SQL does not build the declared schema:\n${drift.map((l) => `  ${l}`).join('\n')}`);
  } else {
    console.log(`✓ ${kind}: the migrations' SQL builds exactly the declared schema`);
  }
}
process.exitCode = failed ? 1 : 0;
