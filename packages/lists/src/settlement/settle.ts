import { and, eq, inArray, sql } from 'drizzle-orm';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { AppError, auditGuarded, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import { allocations, needs, projectClaims, resources, type SettledItem, type SettlementChoice, type SettlementInput, type SettlementKind } from '@ronghe/schema';
import { moveAllocations } from '../quantities.ts';
import { bumpProject, noteInsert } from '../projects/write-common.ts';
import { loadOpenWork } from './open-work.ts';

/** The choices each kind of item admits: a project or a need is cancelled (closed) or handed over; a resource released or handed over. */
const ALLOWED: Record<SettlementKind, readonly SettlementChoice[]> = {
  project: ['cancel', 'hand_over'],
  need: ['cancel', 'hand_over'],
  resource: ['release', 'hand_over'],
};
const KIND_LABEL: Record<SettlementKind, string> = { project: '项目', need: '需求', resource: '资源' };
const CHOICE_LABEL: Record<SettlementKind, Record<SettlementChoice, string>> = {
  project: { cancel: '取消', release: '释放', hand_over: '移交' },
  need: { cancel: '关闭', release: '释放', hand_over: '移交' },
  resource: { cancel: '释放', release: '释放', hand_over: '移交' },
};

/**
 * Statements one dissolution may add to its batch (each audit row also gets its
 * outbox statement): the decision is one D1 batch, and an invocation runs at
 * most 1,000 queries; the alliance's own statements and the reads take the rest.
 */
const MAX_STATEMENTS = 900;

/** A decision about one item: what, and to whom when handed over. */
interface Decision {
  choice: SettlementChoice;
  target: string | null;
  /** Where the choice was made, for field errors. */
  path: string;
}

/**
 * Dissolution settles the alliance's open work (issue 10 §1, ADR 0016): every
 * open project, need and resource gets a decision — cancel (close) with the
 * dissolution's reason, release, or hand over to another running alliance of
 * the county. Validated whole before anything is written (refusals name the
 * field); the returned statements join the dissolution's own batch, so the
 * alliance is never dissolved with work left open, nor the work settled for
 * an alliance that was not dissolved.
 *
 * A need or resource promised to a project that is handed over goes with it
 * to the same alliance (the promise travels with the project); a project that
 * is cancelled releases its promises first, so the needs and resources it held
 * are settled with their full quantities.
 */
export async function settleDissolution({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { allianceId: string; allianceName: string; reason: string; settlement?: SettlementInput };
}): Promise<{ statements: Statement[]; settled: SettledItem[] }> {
  const work = await loadOpenWork(ctx, input.allianceId);
  const s = input.settlement;
  const errors: FieldError[] = [];
  const total = work.projects.length + work.needs.length + work.resources.length;

  const titles = new Map<string, string>();
  const open: Record<SettlementKind, Set<string>> = { project: new Set(), need: new Set(), resource: new Set() };
  for (const p of work.projects) (open.project.add(p.id), titles.set(p.id, p.title));
  for (const n of work.needs) (open.need.add(n.id), titles.set(n.id, n.title));
  for (const r of work.resources) (open.resource.add(r.id), titles.set(r.id, r.title));

  // Explicit decisions, each checked where it was written.
  const explicit = new Map<string, Decision>();
  (s?.items ?? []).forEach((it, i) => {
    const path = `body.settlement.items.${i}`;
    if (!open[it.kind].has(it.id)) errors.push({ path: `${path}.id`, message: `不是该联合体未结的${KIND_LABEL[it.kind]}` });
    else if (explicit.has(it.id)) errors.push({ path: `${path}.id`, message: `${KIND_LABEL[it.kind]}“${titles.get(it.id)}”重复` });
    else if (!ALLOWED[it.kind].includes(it.choice)) {
      errors.push({ path: `${path}.choice`, message: `${KIND_LABEL[it.kind]}只能${ALLOWED[it.kind].map((c) => CHOICE_LABEL[it.kind][c]).join('或')}` });
    } else if (it.choice === 'hand_over' && !it.targetAllianceId) errors.push({ path: `${path}.targetAllianceId`, message: '移交须选择接收的党建联合体' });
    else explicit.set(it.id, { choice: it.choice, target: it.choice === 'hand_over' ? it.targetAllianceId! : null, path });
  });
  const def = s?.default;
  if (def?.choice === 'hand_over' && !def.targetAllianceId) errors.push({ path: 'body.settlement.default.targetAllianceId', message: '全部移交须选择接收的党建联合体' });

  // Receiving alliances: of this county (another county's id is not found here), running, not the one dissolved.
  const wanted = [...new Set([...[...explicit.values()].map((d) => d.target), def?.choice === 'hand_over' ? def.targetAllianceId : null].filter((x): x is string => !!x))];
  const refs = await loadAllianceRefs(ctx, wanted);
  const targetProblem = (id: string): string | null => {
    const t = refs.get(id);
    if (!t) return '接收的党建联合体不存在';
    if (id === input.allianceId) return '不能移交给正在撤销的联合体本身';
    if (t.status !== 'active') return `“${t.name}”不在运行中，不能接收移交`;
    return null;
  };
  for (const d of explicit.values()) {
    const problem = d.target ? targetProblem(d.target) : null;
    if (problem) errors.push({ path: `${d.path}.targetAllianceId`, message: problem });
  }
  if (def?.choice === 'hand_over' && def.targetAllianceId) {
    const problem = targetProblem(def.targetAllianceId);
    if (problem) errors.push({ path: 'body.settlement.default.targetAllianceId', message: problem });
  }
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改未结事项的处理方式', { errors });
  if (total === 0) return { statements: [], settled: [] };

  if (!s) {
    throw new AppError('validation_failed', '联合体还有未结事项，请决定如何处理', {
      errors: [{ path: 'body.settlement', message: `联合体还有 ${work.projects.length} 个项目、${work.needs.length} 项需求、${work.resources.length} 项资源未结，请逐项或统一决定取消、释放或移交` }],
    });
  }

  const fromDefault = (kind: SettlementKind): Decision | null => {
    if (!def) return null;
    const choice: SettlementChoice = def.choice === 'hand_over' ? 'hand_over' : kind === 'resource' ? 'release' : 'cancel';
    return { choice, target: def.choice === 'hand_over' ? def.targetAllianceId! : null, path: 'body.settlement.default' };
  };

  // Projects first: their decision decides where their promises go.
  const decided = new Map<string, Decision>();
  const missing: string[] = [];
  for (const p of work.projects) {
    const d = explicit.get(p.id) ?? fromDefault('project');
    if (d) decided.set(p.id, d);
    else missing.push(`项目“${p.title}”`);
  }
  // A need or resource promised to a handed-over project follows it.
  const follows = new Map<string, { target: string; projectId: string }>();
  const conflicts: FieldError[] = [];
  for (const al of work.live) {
    const d = decided.get(al.projectId);
    if (d?.choice !== 'hand_over') continue;
    for (const id of [al.needId, al.resourceId]) {
      if (!id) continue;
      const prev = follows.get(id);
      if (prev && prev.target !== d.target) {
        conflicts.push({ path: 'body.settlement.items', message: `“${titles.get(id)}”由分别移交给不同联合体的项目承接，请把这些项目移交给同一联合体` });
      }
      follows.set(id, { target: d.target!, projectId: al.projectId });
    }
  }
  for (const kind of ['need', 'resource'] as const) {
    for (const row of kind === 'need' ? work.needs : work.resources) {
      const f = follows.get(row.id);
      const e = explicit.get(row.id);
      if (f) {
        if (e && (e.choice !== 'hand_over' || e.target !== f.target)) {
          conflicts.push({ path: `${e.path}.choice`, message: `${KIND_LABEL[kind]}“${row.title}”已承诺给移交的项目“${titles.get(f.projectId)}”，须一并移交给同一联合体` });
        }
        decided.set(row.id, { choice: 'hand_over', target: f.target, path: e?.path ?? 'body.settlement.items' });
        continue;
      }
      const d = e ?? fromDefault(kind);
      if (d) decided.set(row.id, d);
      else missing.push(`${KIND_LABEL[kind]}“${row.title}”`);
    }
  }
  if (missing.length) {
    const shown = missing.length > 10 ? `${missing.slice(0, 10).join('、')}等 ${missing.length} 项` : missing.join('、');
    conflicts.push({ path: 'body.settlement.items', message: `以下事项尚未决定处理方式：${shown}` });
  }
  if (conflicts.length) throw new AppError('validation_failed', '请根据字段提示修改未结事项的处理方式', { errors: conflicts });

  // ── The statements, in order: projects (releasing what they held), then needs, then resources. ──
  const now = ctx.clock.now();
  const why = `联合体撤销：${input.reason}`;
  const nameOf = (id: string | null) => (id ? refs.get(id)!.name : null);
  const statements: Statement[] = [];
  const settled: SettledItem[] = [];
  const liveOf = (projectId: string) => work.live.filter((a) => a.projectId === projectId);

  for (const p of work.projects) {
    const d = decided.get(p.id)!;
    if (d.choice === 'cancel') {
      statements.push(
        ...bumpProject(ctx, p, { status: 'cancelled', cancelReason: why, warning: 'none', warningReason: null, escalatedOn: null }, { action: 'project.cancel', before: { status: p.status }, after: { status: 'cancelled', reason: why } }),
        noteInsert(ctx, { projectId: p.id, kind: 'event', body: `联合体“${input.allianceName}”撤销，项目取消：${input.reason}` }),
        ctx.db
          .update(projectClaims)
          .set({ status: 'declined', decisionNote: '联合体撤销，项目已取消', decidedBy: ctx.actor.userId, decidedAt: now })
          .where(and(eq(projectClaims.projectId, p.id), eq(projectClaims.status, 'pending'))),
        ...moveAllocations(ctx, liveOf(p.id), 'released'),
      );
    } else {
      statements.push(
        ...bumpProject(ctx, p, { allianceId: d.target! }, { action: 'project.hand_over', before: { allianceId: input.allianceId, status: p.status }, after: { allianceId: d.target, reason: why } }),
        // Its whole history of promises goes with it: the receiving alliance sees and accepts what was delivered.
        ctx.db.update(allocations).set({ allianceId: d.target!, updatedAt: now }).where(eq(allocations.projectId, p.id)),
        noteInsert(ctx, { projectId: p.id, kind: 'event', body: `联合体“${input.allianceName}”撤销（${input.reason}），项目移交“${nameOf(d.target)}”继续实施` }),
      );
    }
    settled.push({ kind: 'project', id: p.id, title: p.title, choice: d.choice, targetAllianceId: d.target, targetAllianceName: nameOf(d.target) });
  }
  for (const n of work.needs) {
    const d = decided.get(n.id)!;
    // Relative to whatever the project moves above left: matched on the open states, not on a version they bumped.
    const still = and(eq(needs.id, n.id), inArray(needs.status, ['open', 'partly_met']));
    if (d.choice === 'cancel') {
      statements.push(
        ctx.db.update(needs).set({ status: 'closed', closedReason: why, version: sql`${needs.version} + 1`, updatedAt: now }).where(still),
        auditGuarded(ctx, { action: 'need.close', entityType: 'need', entityId: n.id, before: { status: n.status }, after: { status: 'closed', reason: why } }),
      );
    } else {
      statements.push(
        ctx.db.update(needs).set({ allianceId: d.target!, version: sql`${needs.version} + 1`, updatedAt: now }).where(still),
        auditGuarded(ctx, { action: 'need.hand_over', entityType: 'need', entityId: n.id, before: { allianceId: input.allianceId }, after: { allianceId: d.target, reason: why } }),
      );
    }
    settled.push({ kind: 'need', id: n.id, title: n.title, choice: d.choice, targetAllianceId: d.target, targetAllianceName: nameOf(d.target) });
  }
  for (const r of work.resources) {
    const d = decided.get(r.id)!;
    const still = and(eq(resources.id, r.id), inArray(resources.status, ['available', 'exhausted']));
    if (d.choice === 'release') {
      statements.push(
        ctx.db.update(resources).set({ status: 'withdrawn', version: sql`${resources.version} + 1`, updatedAt: now }).where(still),
        auditGuarded(ctx, { action: 'resource.withdraw', entityType: 'resource', entityId: r.id, before: { status: r.status }, after: { status: 'withdrawn', reason: why } }),
      );
    } else {
      statements.push(
        ctx.db.update(resources).set({ allianceId: d.target!, version: sql`${resources.version} + 1`, updatedAt: now }).where(still),
        auditGuarded(ctx, { action: 'resource.hand_over', entityType: 'resource', entityId: r.id, before: { allianceId: input.allianceId }, after: { allianceId: d.target, reason: why } }),
      );
    }
    settled.push({ kind: 'resource', id: r.id, title: r.title, choice: d.choice, targetAllianceId: d.target, targetAllianceName: nameOf(d.target) });
  }
  if (statements.length + settled.length > MAX_STATEMENTS) {
    throw new AppError('conflict', `联合体未结事项共 ${total} 项，超出一次撤销决定能办理的数量；请先在清单中取消或关闭部分项目、需求和资源后再撤销`);
  }
  return { statements, settled };
}
