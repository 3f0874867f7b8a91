import { describe, expect, it } from 'vitest';
import { checksOf, DB_KINDS, generateIntoCopy, migratedDatabase, schemaDrift, shapeOf } from '../../scripts/lib/schema-drift.ts';
import { HAND_WRITTEN } from './hand-written-schema.ts';

// The committed migrations must agree with the drizzle tables twice over:
// drizzle-kit's snapshots (generating again adds nothing) and the SQL itself
// (applied to an empty database it builds what the tables declare plus the
// hand-written objects). drizzle-kit never reads the SQL, so only the second
// catches a hand-edited migration that loses a CHECK, an index or a trigger.
describe('schema drift', () => {
  for (const kind of DB_KINDS) {
    it(`${kind}: drizzle-kit generates nothing new from the drizzle tables`, async () => {
      const { printed, added } = await generateIntoCopy(kind);
      expect(added, `drizzle-kit generated a migration: run \`pnpm db:generate\` and commit it\n${printed}`).toEqual([]);
      expect(printed).toMatch(/No schema changes/);
    }, 60_000);

    it(`${kind}: the migrations' SQL builds exactly the drizzle tables and the hand-written objects`, async () => {
      const drift = await schemaDrift(kind, HAND_WRITTEN[kind]);
      expect(drift, `the committed SQL and the declared schema differ:\n${drift.join('\n')}`).toEqual([]);
    }, 60_000);
  }

  // The comparison is only as good as what it reads: it must see the
  // constraints the domain relies on (README "The three lists", ADR 0009).
  it('reads the CHECKs, indexes, foreign keys and triggers it compares', async () => {
    const [tenant, control] = [await migratedDatabase('tenant'), await migratedDatabase('control')];
    const shape = shapeOf(tenant);
    const controlShape = shapeOf(control);
    tenant.close();
    control.close();
    expect(shape.get('table needs › check needs_quantities_within')).toBe(
      'committed_qty >= 0 and in_delivery_qty >= 0 and fulfilled_qty >= 0 and committed_qty + in_delivery_qty + fulfilled_qty <= quantity',
    );
    expect(shape.get('table resources › check resources_allocated_within')).toBe('allocated_qty >= 0 and allocated_qty <= capacity');
    expect(shape.get('table needs › column committed_qty')).toBe('integer, not null, default 0');
    expect(shape.get('table list_categories › index list_categories_name_uq')).toBe('unique (name)');
    expect(controlShape.get('table sessions › foreign key (user_id) → users(id)')).toBe('on update no action, on delete no action, match none');
    expect(shape.get('trigger audit_log_no_delete')).toBe(
      "create trigger audit_log_no_delete before delete on audit_log begin select raise (abort, 'audit_log is append-only'); end",
    );
  });

  // drizzle-kit rebuilds a table whose CHECK changes as `__new_<table>` and
  // renames it; the CHECK must read the same as the one written in place.
  it('reads a CHECK of a rebuilt table like the original', () => {
    const inPlace = 'CREATE TABLE `needs` (`quantity` integer NOT NULL, CONSTRAINT "needs_quantity_positive" CHECK("needs"."quantity" > 0))';
    const rebuilt = 'CREATE TABLE "needs" (\n\t`quantity` integer NOT NULL,\n\tCONSTRAINT "needs_quantity_positive" CHECK( "__new_needs"."quantity" >0 )\n)';
    expect(checksOf(rebuilt)).toEqual(checksOf(inPlace));
    expect([...checksOf(inPlace)]).toEqual([['needs_quantity_positive', 'quantity > 0']]);
  });
});
