import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PARTY_STANDINGS, PERSON_KINDS, PERSON_STATUSES } from '../enums.ts';

// The people capability (issue 11): the county's people registry, 双报到 and
// 报到领岗. Phone and identity numbers are personal data: masked in lists,
// full only for roles that need them, never in a public response or an event.

// ── People registry ─────────────────────────────────────────────────────────

/**
 * A party member, liaison or volunteer of the county. "一方隶属、多方共管":
 * one home branch (`homeOrgId`), any number of places of activity (alliances,
 * communities reported to, posts).
 */
export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The name's pinyin sort key (ADR 0018), written with every name. */
    sortKey: text('sort_key').notNull().default(''),
    kind: text('kind', { enum: PERSON_KINDS }).notNull(),
    /** 正式 / 预备 for a party member; null for a volunteer. */
    partyStanding: text('party_standing', { enum: PARTY_STANDINGS }),
    /** 一方隶属: the branch (or other organization) the member belongs to; a volunteer may have none. */
    homeOrgId: text('home_org_id'),
    /** 在职党员: works in an organ, enterprise or institution, and reports to a community (双报到). */
    inService: integer('in_service', { mode: 'boolean' }).notNull().default(false),
    /** The in-service unit's name as the member gives it (the unit may be outside the registry). */
    workUnit: text('work_unit'),
    /** Skills and specialties, for volunteer teams by specialty (seed 003). */
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Personal data: masked in lists; full only for roles allowed `person.read_pii`. */
    phone: text('phone'),
    /** Personal data, optional (collect the minimum): never listed, never exported masked-less to roles without `person.read_pii`. */
    idNumber: text('id_number'),
    /** The platform account (control database `users.id`) this person signs in with, as role `member`. */
    userId: text('user_id'),
    status: text('status', { enum: PERSON_STATUSES }).notNull().default('active'),
    /** 转出/离开 date (Asia/Shanghai, YYYY-MM-DD) and reason; a person who leaves keeps their history. */
    leftOn: text('left_on'),
    leftReason: text('left_reason'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('people_status_sort_idx').on(t.status, t.sortKey, t.id),
    index('people_home_org_idx').on(t.homeOrgId, t.status),
    uniqueIndex('people_user_uq').on(t.userId),
    uniqueIndex('people_id_number_uq').on(t.idNumber),
    check('people_party_standing', sql`(${t.kind} = 'party_member') = (${t.partyStanding} IS NOT NULL)`),
  ],
);
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;

// ── 双报到 (lane: pairing) ──────────────────────────────────────────────────
// Tables of organization pairings, member reports and the 记实档案 go here.



// ── 报到领岗 (lane: posts) ──────────────────────────────────────────────────
// Tables of posts, claims and service records go here.


