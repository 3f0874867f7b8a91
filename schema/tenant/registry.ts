import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ORG_DOMAINS, ORG_KINDS, ORG_STATUSES, QUALITY_STATUSES } from '../enums.ts';

/**
 * 党组织 registry of one tenant. No county column: every tenant has its own
 * database, so isolation is structural (ADR 0003).
 */
export const organizations = sqliteTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    /** 隶属: the organization this one reports to inside the tenant. */
    parentId: text('parent_id'),
    /** Materialized ancestry `/id1/id2/.../self/` for subtree scope checks and tree queries. */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    name: text('name').notNull(),
    /** The name's pinyin sort key (ADR 0018, `pinyinSortKey`), written with every name; lists order by (sort_key, id). */
    sortKey: text('sort_key').notNull().default(''),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    domain: text('domain', { enum: ORG_DOMAINS }).notNull(),
    /** GB/T 2260 code of the place (county, town/street or village/community). */
    divisionCode: text('division_code'),
    /** A member from another county or outside Chifeng (seed 003): kept by name, region and contact only. */
    isExternal: integer('is_external', { mode: 'boolean' }).notNull().default(false),
    externalRegion: text('external_region'),
    secretaryName: text('secretary_name'),
    secretaryPhone: text('secretary_phone'),
    liaisonName: text('liaison_name'),
    liaisonPhone: text('liaison_phone'),
    memberCount: integer('member_count').notNull().default(0),
    qualityStatus: text('quality_status', { enum: QUALITY_STATUSES }).notNull().default('未达标'),
    /** Year and body of the designation behind `qualityStatus` (seed 004 三(三), 四(三)); null for 未达标 and older records. */
    qualityYear: integer('quality_year'),
    qualityDesignatedBy: text('quality_designated_by'),
    /** 软弱涣散: a flag that must be cleared (动态清零). */
    weakFlag: integer('weak_flag', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ORG_STATUSES }).notNull().default('active'),
    deactivatedAt: integer('deactivated_at'),
    deactivationReason: text('deactivation_reason'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('organizations_parent_idx').on(t.parentId, t.name),
    // The default list: active organizations in pinyin order, keyset on (sort_key, id); also serves its count.
    index('organizations_status_sort_idx').on(t.status, t.sortKey, t.id),
    index('organizations_path_idx').on(t.path),
    index('organizations_domain_idx').on(t.domain, t.name),
    // Place names of the lists come from the organizations carrying a division code.
    index('organizations_division_idx').on(t.divisionCode),
    check('organizations_member_count_nonneg', sql`${t.memberCount} >= 0`),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
