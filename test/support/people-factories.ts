import { eq } from 'drizzle-orm';
import { newId, openDb, pinyinSortKey } from '@ronghe/core';
import { people, type Person } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

let seq = 0;

function dbOf(tenant: string) {
  const def = findTenant(tenant);
  if (!def) throw new Error(`unknown tenant ${tenant}`);
  return openDb(bindings[def.binding]!);
}

/** The row makePerson inserts, for a factory that writes it in a batch with others. */
export function personRow(fields: Partial<Person> = {}): Person {
  const now = Date.now();
  const n = ++seq;
  const row: Person = {
    id: newId('psn', now),
    name: `测试党员${n}`,
    sortKey: '',
    kind: 'party_member',
    partyStanding: '正式',
    homeOrgId: null,
    inService: false,
    workUnit: null,
    skills: [],
    phone: `139${String(10000000 + ((now + n) % 90000000)).slice(0, 8)}`,
    idNumber: null,
    userId: null,
    status: 'active',
    leftOn: null,
    leftReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  row.sortKey = pinyinSortKey(row.name);
  return row;
}

/** A party member (正式) of `homeOrgId` straight in the tenant database (setup only; the API is what the tests exercise). */
export async function makePerson(tenant: string, fields: Partial<Person> = {}): Promise<Person> {
  const row = personRow(fields);
  await dbOf(tenant).insert(people).values(row);
  return row;
}

/** Links a person to an account (the member's sign-in), as the county administrator's route does. */
export async function linkPerson(tenant: string, personId: string, userId: string): Promise<void> {
  await dbOf(tenant).update(people).set({ userId }).where(eq(people.id, personId));
}

/**
 * A valid 18-character identity number (GB 11643 check character computed
 * by hand's rule: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11 → 1 0 X 9 8 7 6 5 4 3 2),
 * for the region 150402 (红山区), born on `birth` (YYYYMMDD), with a sequence.
 */
export function idNumberFor(birth: string, sequence: number): string {
  const body = `150402${birth}${String(sequence).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * w[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}
