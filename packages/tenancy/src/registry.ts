/**
 * The tenant registry: the single source of truth for which counties exist.
 * `scripts/add-county.ts` edits this file and `wrangler.toml` together, and
 * `test/repo/tenant-registry.test.ts` fails when the two disagree.
 */
export interface TenantDef {
  /** Stable ASCII key used in URLs and binding names. */
  slug: string;
  /** GB/T 2260 administrative division code. */
  code: string;
  /** Chinese name as officials write it. */
  name: string;
  kind: 'county' | 'city';
  /** The D1 binding in wrangler.toml holding this tenant's data. */
  binding: string;
}

// The city's own registry (its organs, their alliances, filings …) lives in its
// own database like every county's (ADR 0013); the control database holds only
// what crosses tenants.
export const CITY: TenantDef = {
  slug: 'chifeng',
  code: '150400',
  name: '赤峰市',
  kind: 'city',
  binding: 'DB_CHIFENG',
};

/**
 * The control database: identities, role grants, sessions and the audit of
 * their changes — what belongs to no single tenant (ADR 0013). Not a tenant.
 */
export const CONTROL = { binding: 'DB_CONTROL', name: '控制库' } as const;

// Counties in GB/T 2260 order.
export const COUNTIES: readonly TenantDef[] = [
  { slug: 'hongshan', code: '150402', name: '红山区', kind: 'county', binding: 'DB_HONGSHAN' },
  { slug: 'yuanbaoshan', code: '150403', name: '元宝山区', kind: 'county', binding: 'DB_YUANBAOSHAN' },
  { slug: 'songshan', code: '150404', name: '松山区', kind: 'county', binding: 'DB_SONGSHAN' },
  { slug: 'alukeerqin', code: '150421', name: '阿鲁科尔沁旗', kind: 'county', binding: 'DB_ALUKEERQIN' },
  { slug: 'balinzuo', code: '150422', name: '巴林左旗', kind: 'county', binding: 'DB_BALINZUO' },
  { slug: 'balinyou', code: '150423', name: '巴林右旗', kind: 'county', binding: 'DB_BALINYOU' },
  { slug: 'linxi', code: '150424', name: '林西县', kind: 'county', binding: 'DB_LINXI' },
  { slug: 'keshiketeng', code: '150425', name: '克什克腾旗', kind: 'county', binding: 'DB_KESHIKETENG' },
  { slug: 'wengniute', code: '150426', name: '翁牛特旗', kind: 'county', binding: 'DB_WENGNIUTE' },
  { slug: 'kalaqin', code: '150428', name: '喀喇沁旗', kind: 'county', binding: 'DB_KALAQIN' },
  { slug: 'ningcheng', code: '150429', name: '宁城县', kind: 'county', binding: 'DB_NINGCHENG' },
  { slug: 'aohan', code: '150430', name: '敖汉旗', kind: 'county', binding: 'DB_AOHAN' },
];

/** Every tenant, the city first; each has its own database. */
export const TENANTS: readonly TenantDef[] = [CITY, ...COUNTIES];

const bySlug = new Map(TENANTS.map((t) => [t.slug, t]));

export function findTenant(slug: string): TenantDef | undefined {
  return bySlug.get(slug);
}
