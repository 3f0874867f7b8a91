import { COUNTY_ORGANS, mobile, personName } from './names.ts';
import { rngFrom, type Rng } from './prng.ts';
import type { AllianceDemoData, DemoAccount, DemoOrg, DemoPerson, ListsDemoData, OrgDomain } from './types.ts';
import type { TenantDef } from '@ronghe/tenancy';

// The people registry of one county (issue 11): the party members of every
// branch, the liaisons the alliances name, the demo member accounts and a few
// volunteers per community. A pure function of its input, like every other
// demo builder; other issue-11 builders take its output.

/**
 * Seed 003: 23,800 members of organs (机关) and of enterprises and
 * institutions (企事业单位) reported to communities city-wide. The counties
 * share it in proportion to their organ branches (COUNTY_ORGAN_QUOTA, which
 * sums to seed 003's 1,036).
 */
export const IN_SERVICE_CITY_TOTAL = 23_800;
export const COUNTY_ORGANS_TOTAL = 1_036;

/**
 * The registry's member counts (organizations.member_count) add up to about
 * 300,000 over the 12 counties (measured: 301,148 at scale 1, seed
 * ronghe-chifeng-2026), twice the ~150,000 the demo aims at, and every
 * browser-suite boot seeds them: at 127,000 people (a share of 0.4) the seed
 * wrote for some 30 s more on a busy machine, at 90,000 some 12 s. So each organization outside
 * the in-service domains gets this share of its members as people (at least
 * MIN_PER_ORG, never more than its count) — about 90,000 people city-wide —
 * and `memberCount` stays the registry's own figure. In-service members are
 * not shared down: their branches get as many people as seed 003's total needs.
 */
export const MEMBER_SHARE = 0.25;
/** A 党支部 needs three full members to exist; smaller organizations keep what they have. */
const MIN_PER_ORG = 3;

/** Domains whose members work in an organ, enterprise or institution: the 在职党员 of 双报到. */
export const IN_SERVICE_DOMAINS: ReadonlySet<OrgDomain> = new Set(['机关', '事业单位', '国有企业', '学校', '医院']);

/** Skills and specialties (seed 003: volunteer teams by specialty). */
export const DEMO_SKILLS = ['医疗', '法律', '教育', '文艺', '电工', '农技', '心理', '助老', '维修', '理发', '厨艺', '摄影', '宣讲', '计算机'] as const;

/** 正式 / 预备: about one member in twenty is a probationary (预备) member. */
const PROBATIONARY_SHARE = 0.05;
/** Members who transferred out (已转出) stay in the registry. */
const LEFT_SHARE = 0.005;
/** Collect the minimum: a few members gave no phone. */
const NO_PHONE_SHARE = 0.06;

/**
 * types.ts's PeopleDemoInput without `people` (this builds them) and with the
 * accounts, which the other builders do not need.
 */
export interface PeopleInput {
  tenant: TenantDef;
  orgs: readonly DemoOrg[];
  alliances: AllianceDemoData;
  lists: ListsDemoData;
  /** The tenant's demo accounts: every `member` account becomes a person of its scope organization. */
  accounts: readonly DemoAccount[];
  rng: Rng;
  today: string;
}

export interface PeopleDemoData {
  people: DemoPerson[];
  /** alliance_members.id → people.id of its liaison: every current member whose liaison is named. */
  liaisonPersonIds: Record<string, string>;
}

/**
 * The county's share of seed 003's 23,800 in-service members, from its organ
 * organizations (domain 机关: COUNTY_ORGAN_QUOTA of them, times the scale).
 */
export function inServiceQuota(organs: number): number {
  return Math.round((IN_SERVICE_CITY_TOTAL * organs) / COUNTY_ORGANS_TOTAL);
}

/** The unit an in-service member works for: the organ's own name, or the institution's without its party suffix. */
export function workUnitOf(org: DemoOrg, countyName: string): string {
  const organs = COUNTY_ORGANS.map((u) => u.replaceAll('{c}', countyName));
  let best = '';
  for (const u of organs) if (org.name.startsWith(u) && u.length > best.length) best = u;
  if (best) return best;
  return org.name.replace(/(机关)?(联合党委|党委|党总支|党支部|党工委)$/, '') || org.name;
}

const RETIRED = /离退休/;

export function buildPeople(input: PeopleInput): PeopleDemoData {
  const { tenant, orgs, alliances, accounts } = input;
  // Each organization draws from its own stream, so adding one leaves the others' people as they were.
  const base = Array.from(input.rng.bytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
  const rngOf = (key: string) => rngFrom(`${base}\u0000${key}`);
  const todayMs = Date.parse(`${input.today}T00:00:00+08:00`);
  const mongolianShare = tenant.name.endsWith('旗') ? 0.22 : 0.06;
  const byId = new Map(orgs.map((o) => [o.id, o]));

  const people: DemoPerson[] = [];
  const phones = new Set<string>();
  /** `${orgId}\u0000${name}\u0000${phone}` → person, so a liaison named twice is one person. */
  const known = new Map<string, DemoPerson>();
  const perOrg = new Map<string, number>();

  const freshPhone = (rng: Rng): string => {
    for (;;) {
      const p = mobile(rng);
      if (!phones.has(p)) return p;
    }
  };
  const add = (org: DemoOrg, rng: Rng, p: Partial<DemoPerson> & { name: string }): DemoPerson => {
    perOrg.set(org.id, (perOrg.get(org.id) ?? 0) + 1);
    // Registered between the organization's founding and a month before today.
    const span = Math.max(0, todayMs - 30 * 86_400_000 - org.createdAt);
    const createdAt = org.createdAt + Math.floor(rng.next() * span);
    let phone = p.phone === undefined ? (rng.chance(NO_PHONE_SHARE) ? null : freshPhone(rng)) : p.phone;
    // A phone already someone else's (two random draws met) is drawn again: phones are unique in a county.
    if (phone && phones.has(phone)) phone = freshPhone(rng);
    if (phone) phones.add(phone);
    const person: DemoPerson = {
      id: personId(rng, createdAt),
      name: p.name,
      kind: p.kind ?? 'party_member',
      partyStanding: p.kind === 'volunteer' ? null : (p.partyStanding ?? (rng.chance(PROBATIONARY_SHARE) ? '预备' : '正式')),
      homeOrgId: org.id,
      inService: p.inService ?? false,
      workUnit: p.workUnit ?? null,
      skills: p.skills ?? (rng.chance(0.15) ? pickSkills(rng, rng.int(1, 2)) : []),
      phone,
      idNumber: null,
      userId: p.userId ?? null,
      status: p.status ?? 'active',
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
    people.push(person);
    if (phone) known.set(`${org.id}\u0000${person.name}\u0000${phone}`, person);
    return person;
  };

  // 1. The member accounts: the person each one signs in as (people.user_id).
  for (const a of accounts) {
    if (a.role !== 'member' || !a.scopeOrgId || a.tenant !== tenant.slug) continue;
    const org = byId.get(a.scopeOrgId);
    if (!org) continue;
    const name = a.displayName.split('（')[0] || a.displayName;
    add(org, rngOf(`account/${a.username}`), { name, phone: a.phone, userId: a.userId, partyStanding: '正式', inService: isInService(org), workUnit: isInService(org) ? workUnitOf(org, tenant.name) : null });
  }

  // 2. Liaisons of current alliance members (seed 000 11.1.2: a party member of that organization).
  const liaisonPersonIds: Record<string, string> = {};
  for (const m of alliances.members) {
    if (m.leftOn || !m.liaisonName) continue;
    const org = byId.get(m.orgId);
    if (!org) continue;
    const existing = m.liaisonPhone ? known.get(`${org.id}\u0000${m.liaisonName}\u0000${m.liaisonPhone}`) : undefined;
    const person =
      existing ??
      add(org, rngOf(`liaison/${m.id}`), {
        name: m.liaisonName,
        phone: m.liaisonPhone,
        partyStanding: '正式',
        inService: isInService(org),
        workUnit: isInService(org) ? workUnitOf(org, tenant.name) : null,
      });
    liaisonPersonIds[m.id] = person.id;
  }

  // 3. Every organization's members: its secretary and liaison first, then the share of its count.
  const inServiceOrgs = orgs.filter((o) => !o.isExternal && isInService(o));
  const organs = orgs.filter((o) => !o.isExternal && o.domain === '机关').length;
  const wanted = allot(inServiceOrgs, inServiceQuota(organs));
  const holders = new Set(people.filter((p) => p.userId).map((p) => `${p.homeOrgId}\u0000${p.name}`));
  for (const org of orgs) {
    if (org.isExternal) continue; // Their members belong to another region's registry; only their liaisons are here.
    const rng = rngOf(`org/${org.id}`);
    const inService = isInService(org);
    const target = inService ? (wanted.get(org.id) ?? 0) : Math.min(org.memberCount, Math.max(MIN_PER_ORG, Math.round(org.memberCount * MEMBER_SHARE)));
    const workUnit = inService ? workUnitOf(org, tenant.name) : null;
    const has = (name: string | null, phone: string | null) => !!name && !!phone && known.has(`${org.id}\u0000${name}\u0000${phone}`);
    const accountHolder = holders.has(`${org.id}\u0000${org.secretaryName}`);
    if (org.secretaryName && !accountHolder && !has(org.secretaryName, org.secretaryPhone) && (perOrg.get(org.id) ?? 0) < target)
      add(org, rng, { name: org.secretaryName, phone: org.secretaryPhone, partyStanding: '正式', inService, workUnit });
    if (org.liaisonName && !has(org.liaisonName, org.liaisonPhone) && (perOrg.get(org.id) ?? 0) < target)
      add(org, rng, { name: org.liaisonName, phone: org.liaisonPhone, partyStanding: '正式', inService, workUnit });
    while ((perOrg.get(org.id) ?? 0) < target) {
      add(org, rng, { name: personName(rng, mongolianShare), inService, workUnit, status: rng.chance(LEFT_SHARE) ? 'left' : 'active' });
    }
  }

  // 4. Volunteers, not party members: a few per community, most with a skill to offer.
  for (const org of orgs) {
    if (org.domain !== '社区' || org.isExternal) continue;
    const rng = rngOf(`volunteers/${org.id}`);
    for (let i = 0, n = rng.int(2, 6); i < n; i++)
      add(org, rng, { name: personName(rng, mongolianShare), kind: 'volunteer', skills: rng.chance(0.8) ? pickSkills(rng, rng.int(1, 2)) : [] });
  }
  return { people, liaisonPersonIds };
}

function isInService(org: DemoOrg): boolean {
  return IN_SERVICE_DOMAINS.has(org.domain) && !RETIRED.test(org.name);
}

/**
 * `total` people over the organizations: first MIN_PER_ORG each (or all its
 * members), the rest in proportion to their remaining member counts, never
 * more than a count (largest remainder, ties by order).
 */
function allot(orgs: readonly DemoOrg[], total: number): Map<string, number> {
  const out = new Map<string, number>();
  let given = 0;
  for (const o of orgs) {
    const n = Math.min(MIN_PER_ORG, o.memberCount);
    out.set(o.id, n);
    given += n;
  }
  const room = orgs.reduce((s, o) => s + o.memberCount - out.get(o.id)!, 0);
  const left = Math.min(room, Math.max(0, total - given));
  if (!left) return out;
  const f = left / room;
  const rest: [string, number][] = [];
  for (const o of orgs) {
    const exact = (o.memberCount - out.get(o.id)!) * f;
    const n = Math.floor(exact);
    out.set(o.id, out.get(o.id)! + n);
    given += n;
    rest.push([o.id, exact - n]);
  }
  rest.sort((a, b) => b[1] - a[1]);
  const want = Math.min(total, orgs.reduce((s, o) => s + o.memberCount, 0));
  for (let i = 0; given < want && i < rest.length; i++, given++) out.set(rest[i]![0], out.get(rest[i]![0])! + 1);
  return out;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * An id laid out like @ronghe/core's ulid() (prng.ts's stableId), its
 * randomness taken from the organization's own stream: a county has some
 * 20,000 people, and a hash per id (stableId) tripled the demo's generation time.
 */
function personId(rng: Rng, at: number): string {
  let time = '';
  for (let i = 0, t = at; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  let rand = '';
  for (const b of rng.bytes(16)) rand += ALPHABET[b % 32];
  return `psn_${time}${rand}`;
}

function pickSkills(rng: Rng, n: number): string[] {
  return rng.shuffle(DEMO_SKILLS).slice(0, n);
}
