import { stableId } from './prng.ts';
import type { PeopleDemoInput } from './types.ts';

// 报到领岗 demo data (issue 11): posts defined by communities and active
// alliances, claims by party members, a year of service records, mostly
// confirmed. Rows are drizzle property names of schema/tenant/people.ts's
// posts / post_claims / service_logs, every column present. The rules the
// server keeps hold here too (posts.node.test.ts): places never exceeded by
// pending + approved claims, service only on approved claims, from the claim's
// day to today, at most 24 hours a person a day.

export interface DemoPost {
  id: string;
  ownerOrgId: string | null;
  ownerAllianceId: string | null;
  title: string;
  duties: string;
  places: number;
  taken: number;
  startsOn: string;
  endsOn: string;
  skills: string[];
  status: 'open' | 'closed';
  version: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface DemoPostClaim {
  id: string;
  postId: string;
  personId: string;
  groupId: string | null;
  status: 'pending' | 'approved' | 'declined' | 'withdrawn';
  note: string | null;
  decisionReason: string | null;
  claimedBy: string;
  claimedOn: string;
  decidedBy: string | null;
  decidedAt: number | null;
  createdAt: number;
}

export interface DemoServiceLog {
  id: string;
  claimId: string;
  postId: string;
  personId: string;
  serviceDate: string;
  minutes: number;
  description: string;
  status: 'logged' | 'confirmed' | 'rejected';
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
  createdAt: number;
}

export interface PostsDemoData {
  posts: DemoPost[];
  claims: DemoPostClaim[];
  serviceLogs: DemoServiceLog[];
}

/** Post kinds a community or an alliance typically sets (设岗定责), with the skills each wants and what a day of service is. */
const POST_KINDS: ReadonlyArray<{ title: string; duties: string; skills: string[]; work: string[] }> = [
  { title: '政策宣讲岗', duties: '每月在社区党群服务中心宣讲惠民政策，解答居民咨询', skills: ['宣讲'], work: ['宣讲医保政策', '解答养老保险咨询', '宣讲防诈骗知识'] },
  { title: '环境整治岗', duties: '参与小区环境卫生整治和垃圾分类督导', skills: [], work: ['清理楼道杂物', '垃圾分类督导', '清理小区绿化带'] },
  { title: '关爱帮扶岗', duties: '定期走访独居老人和困难家庭，帮助解决实际困难', skills: ['医疗', '心理疏导'], work: ['走访独居老人', '为困难家庭代购生活用品', '陪同老人就医'] },
  { title: '平安巡逻岗', duties: '节假日和夜间参与网格巡逻，排查安全隐患', skills: ['驾驶'], work: ['夜间网格巡逻', '排查消防隐患', '节日安全巡查'] },
  { title: '法律服务岗', duties: '为居民提供法律咨询，参与矛盾纠纷调解', skills: ['法律'], work: ['提供法律咨询', '调解邻里纠纷', '宣传民法典'] },
  { title: '文化服务岗', duties: '组织开展群众文化活动和青少年课后辅导', skills: ['文艺', '教育'], work: ['课后作业辅导', '组织广场舞活动', '书法教学'] },
];

const DAY = 86_400_000;
const dayNo = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** Milliseconds of a Shanghai date at `hour` o'clock. */
const msAt = (iso: string, hour: number) => dayNo(iso) * DAY + (hour - 8) * 3_600_000;

export function buildPosts(input: PeopleDemoInput): PostsDemoData {
  const { rng, today } = input;
  const seed = `${input.tenant.slug}:posts`;
  const todayNo = dayNo(today);
  const out: PostsDemoData = { posts: [], claims: [], serviceLogs: [] };
  const members = input.people.filter((p) => p.kind === 'party_member' && p.status === 'active');
  const byHome = new Map<string, typeof members>();
  for (const p of members) if (p.homeOrgId) byHome.set(p.homeOrgId, [...(byHome.get(p.homeOrgId) ?? []), p]);
  /** Minutes already logged per person and day (not rejected): never past 24 hours. */
  const dayMinutes = new Map<string, number>();

  const owners: Array<{ ownerOrgId: string | null; ownerAllianceId: string | null; key: string; home: string | null; n: number }> = [
    ...input.orgs.filter((o) => o.domain === '社区').map((o) => ({ ownerOrgId: o.id, ownerAllianceId: null, key: o.id, home: o.id, n: 2 })),
    ...input.alliances.alliances.filter((a) => a.status === 'active').map((a) => ({ ownerOrgId: null, ownerAllianceId: a.id, key: a.id, home: a.leadOrgId, n: 1 })),
  ];
  for (const owner of owners) {
    for (let k = 0; k < owner.n; k++) {
      const kind = rng.pick(POST_KINDS);
      const startNo = todayNo - rng.int(20, 330);
      const endNo = startNo + rng.int(90, 400);
      const startsOn = isoOf(startNo);
      const createdAt = msAt(isoOf(startNo - rng.int(1, 10)), 9);
      const postId = stableId('pst', seed, `${owner.key}:${k}`, createdAt);
      const places = rng.int(2, 6);
      // Claimants: members of the owner's own branch first (a community's residents), then anyone in the county.
      const local = owner.home ? (byHome.get(owner.home) ?? []) : [];
      const anyone = members.length ? Array.from({ length: 12 }, () => members[rng.int(0, members.length - 1)]!) : [];
      const pool = [...new Map([...rng.shuffle(local.slice(0, 60)), ...anyone].map((p) => [p.id, p])).values()];
      const claimants = pool.slice(0, rng.int(0, places + 1));
      let taken = 0;
      for (const [i, person] of claimants.entries()) {
        const claimedNo = Math.min(todayNo, startNo + rng.int(0, 30));
        const claimedOn = isoOf(claimedNo);
        const status = taken >= places ? 'declined' : rng.weighted([['approved', 8], ['pending', 1], ['declined', 1]] as const);
        if (status !== 'declined') taken++;
        const created = msAt(claimedOn, 10);
        const claimId = stableId('pcm', seed, `${postId}:${i}`, created);
        const decided = status === 'pending' ? null : Math.min(msAt(isoOf(Math.min(todayNo, claimedNo + rng.int(0, 3))), 15), msAt(today, 15));
        out.claims.push({
          id: claimId,
          postId,
          personId: person.id,
          groupId: null,
          status,
          note: null,
          decisionReason: status === 'declined' ? (taken >= places ? '岗位名额已满' : '本岗位需要相关特长') : null,
          claimedBy: person.userId ?? 'usr_demo_member',
          claimedOn,
          decidedBy: decided === null ? null : 'usr_demo_post_owner',
          decidedAt: decided,
          createdAt: created,
        });
        if (status !== 'approved') continue;
        // Service about every two to five weeks, from the claim's day to today or the post's end.
        const lastNo = Math.min(todayNo, endNo);
        for (let d = claimedNo + rng.int(1, 14), j = 0; d <= lastNo; d += rng.int(14, 35), j++) {
          const serviceDate = isoOf(d);
          const minutes = rng.pick([60, 90, 120, 150, 180, 240]);
          const key = `${person.id}:${serviceDate}`;
          if ((dayMinutes.get(key) ?? 0) + minutes > 24 * 60) continue;
          const recent = todayNo - d < 7;
          const logStatus = recent && rng.chance(0.6) ? 'logged' : rng.chance(0.05) ? 'rejected' : 'confirmed';
          if (logStatus !== 'rejected') dayMinutes.set(key, (dayMinutes.get(key) ?? 0) + minutes);
          const at = msAt(serviceDate, 18);
          out.serviceLogs.push({
            id: stableId('svc', seed, `${claimId}:${j}`, at),
            claimId,
            postId,
            personId: person.id,
            serviceDate,
            minutes,
            description: rng.pick(kind.work),
            status: logStatus,
            decisionReason: logStatus === 'rejected' ? '服务内容与岗位职责不符' : null,
            decidedBy: logStatus === 'logged' ? null : 'usr_demo_post_owner',
            decidedAt: logStatus === 'logged' ? null : Math.min(at + DAY, msAt(today, 20)),
            createdAt: at,
          });
        }
      }
      out.posts.push({
        id: postId,
        ownerOrgId: owner.ownerOrgId,
        ownerAllianceId: owner.ownerAllianceId,
        title: kind.title,
        duties: kind.duties,
        places,
        taken,
        startsOn,
        endsOn: isoOf(endNo),
        skills: kind.skills,
        status: endNo < todayNo ? 'closed' : 'open',
        version: 1 + claimants.length,
        createdBy: 'usr_demo_post_owner',
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  return out;
}
