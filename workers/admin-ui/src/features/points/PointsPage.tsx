import { useCallback, useEffect, useState } from 'react';
import { antIsland } from '../../lib/ant-island.tsx';
import { useFeedback } from '../../lib/feedback.tsx';
import { lazyWhenOpen } from '../../lib/lazy-when-open.tsx';
import { problemText } from '../../lib/problems.ts';
import { formatTime, thisYearShanghai as thisYear } from '../../lib/time.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { CursorTable } from '../../light/CursorTable.tsx';
import { Button } from '../../light/Button.tsx';
import { Space } from '../../light/Space.tsx';
import { Table, type Column } from '../../light/Table.tsx';
import { Tabs } from '../../light/Tabs.tsx';
import { Tag } from '../../light/Tag.tsx';
import { Title } from '../../light/Typography.tsx';
import { useTenant } from '../../tenant.tsx';
import { pointsApi, type LeaderboardView, type PointEntryView, type PointRuleView } from './api.ts';
import type { Person } from './AwardModal.tsx';
import { capLabel, kindLabel, ROLE_TEXT, sourceLabel } from './labels.ts';
import type { BoardBy } from './PointsFilters.tsx';

// The page draws without antd (src/light/, docs/adr/0031): the leaderboard's and the ledger's choices
// are antd islands that load once the page is on screen; the dialogs and the drawer load when first opened.
const BoardFilters = antIsland(() => import('./PointsFilters.tsx').then((m) => m.BoardFilters));
const LedgerFilters = antIsland(() => import('./PointsFilters.tsx').then((m) => m.LedgerFilters));
const AwardModal = lazyWhenOpen(() => import('./AwardModal.tsx').then((m) => m.AwardModal), () => true);
const RuleEditModal = lazyWhenOpen(() => import('./RuleEditModal.tsx').then((m) => m.RuleEditModal), (p) => p.rule !== null);
const RuleHistoryDrawer = lazyWhenOpen(() => import('./RuleHistoryDrawer.tsx').then((m) => m.RuleHistoryDrawer), (p) => p.history !== null);

type BoardRow = LeaderboardView['items'][number];

/** A row of choices (a radio group and selects) until its island has loaded: the table below does not move. */
const CHOICES_PLACEHOLDER = <div style={{ minHeight: 32, marginBottom: 12 }} />;

/** 积分管理: 排行榜 (党员/支部/联合体), 积分明细 (hand awards and corrections), 积分规则 (versions). */
export default function PointsPage() {
  const { tenant } = useTenant();
  const mayAward = !tenant.readOnly && tenant.actions.includes('points.award');
  const mayEditRules = !tenant.readOnly && tenant.actions.includes('points.rules');
  const [awardFor, setAwardFor] = useState<Person | null>(null);
  const [changed, setChanged] = useState(0);
  return (
    <>
      <Title level={4}>积分管理</Title>
      <Tabs
        items={[
          { key: 'board', label: '排行榜', children: <Boards onAward={mayAward ? setAwardFor : undefined} changed={changed} /> },
          { key: 'ledger', label: '积分明细', children: <Ledger mayAward={mayAward} onAward={setAwardFor} changed={changed} onChanged={() => setChanged((n) => n + 1)} /> },
          { key: 'rules', label: '积分规则', children: <Rules mayEdit={mayEditRules} /> },
        ]}
      />
      {awardFor && <AwardModal person={awardFor} onClose={(done) => (setAwardFor(null), done && setChanged((n) => n + 1))} />}
    </>
  );
}

function Boards({ onAward, changed }: { onAward?: (p: Person) => void; changed: number }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [by, setBy] = useState<BoardBy>('member');
  const [year, setYear] = useState(thisYear());
  const [period, setPeriod] = useState<string>('year');
  const [data, setData] = useState<LeaderboardView | null>(null);
  // Until the first answer, a spinner rather than "该期间还没有积分".
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    const q: Record<string, string | number> = { by, year };
    if (period.startsWith('m')) q.month = Number(period.slice(1));
    if (period.startsWith('q')) q.quarter = Number(period.slice(1));
    pointsApi
      .leaderboard(tenant.slug, q)
      .then(setData, (e) => message.error(problemText(e).title))
      .finally(() => setLoading(false));
  }, [tenant.slug, by, year, period, changed, message]);
  const columns: Column<BoardRow>[] = [
    { title: '名次', dataIndex: 'rank', width: 70 },
    { title: by === 'member' ? '姓名' : by === 'branch' ? '支部' : '联合体', dataIndex: 'name' },
    ...(by === 'member' ? [{ title: '所在支部', dataIndex: 'orgName' as const, render: (v: string | null) => v ?? '—' }] : []),
    { title: '积分', dataIndex: 'total', width: 90 },
    ...(by === 'member' && onAward
      ? [
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r: BoardRow) => (
              <Button size="small" onClick={() => onAward({ id: r.id, name: r.name })}>
                加分
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <BoardFilters by={by} onBy={setBy} year={year} onYear={setYear} period={period} onPeriod={setPeriod} placeholder={CHOICES_PLACEHOLDER} />
      <Table<BoardRow> minWidth="max-content" data-testid="points-board" rowKey="id" size="small" loading={loading} rows={data?.items ?? []} emptyText="该期间还没有积分" columns={columns} />
    </>
  );
}

function Ledger({ mayAward, onAward, changed, onChanged }: { mayAward: boolean; onAward: (p: Person) => void; changed: number; onChanged: () => void }) {
  const { tenant } = useTenant();
  const { message, modal } = useFeedback();
  const [year, setYear] = useState(thisYear());
  const [kind, setKind] = useState<string | undefined>();
  const list = useCursorList((after) => pointsApi.entries(tenant.slug, { year, kind, limit: 20, cursor: after ?? undefined }), [tenant.slug, year, kind]);
  useEffect(() => void list.reload(), [list.reload, changed]);
  const compensate = (e: PointEntryView) => {
    let reason = '';
    // The confirmation's field is antd's: its code loads with the first 冲正.
    void import('./CompensateReason.tsx').then(
      ({ CompensateReason }) =>
        modal.confirm({
          title: `冲正 ${e.personName ?? ''} 的这条积分（${e.points} 分）`,
          content: <CompensateReason onChange={(r) => (reason = r)} />,
          okText: '冲正',
          cancelText: '取消',
          onOk: () =>
            pointsApi.compensate(tenant.slug, e.id, reason).then(
              () => (message.success('已冲正'), onChanged()),
              (err) => {
                const p = problemText(err);
                message.error([p.title, ...p.items].join('；'));
                throw err;
              },
            ),
        }),
      (err) => message.error(problemText(err).title),
    );
  };
  const columns: Column<PointEntryView>[] = [
    { title: '发生时间', dataIndex: 'occurredAt', render: (v: number) => formatTime(v) },
    { title: '姓名', dataIndex: 'personName', render: (v: string | null) => v ?? '—' },
    { title: '所在支部', dataIndex: 'homeOrgName', render: (v: string | null) => v ?? '—' },
    { title: '规则', dataIndex: 'ruleName', render: (v: string | null, r) => `${v ?? '—'}${r.ruleVersion && r.ruleVersion > 1 ? `（第${r.ruleVersion}版）` : ''}` },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (v: string, r) => (
        <Space size={4}>
          <Tag>{kindLabel(v)}</Tag>
          {r.compensatedBy && <Tag color="orange">已冲正</Tag>}
        </Space>
      ),
    },
    { title: '分值', dataIndex: 'points', render: (v: number, r) => (v !== r.requested && r.kind !== 'compensation' ? `${v}（封顶，应得 ${r.requested}）` : v) },
    { title: '理由', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
    ...(mayAward
      ? [
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r: PointEntryView) => (
              <Space>
                <Button size="small" onClick={() => onAward({ id: r.personId, name: r.personName ?? '该党员' })}>
                  加分
                </Button>
                {r.kind !== 'compensation' && !r.compensatedBy && r.points !== 0 && (
                  <Button size="small" danger onClick={() => compensate(r)}>
                    冲正
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <LedgerFilters year={year} onYear={setYear} kind={kind} onKind={setKind} placeholder={CHOICES_PLACEHOLDER} />
      <CursorTable<PointEntryView> list={list} minWidth="max-content" size="small" emptyText="没有积分明细" columns={columns} unit="条" />
    </>
  );
}

const ruleColumns: Column<PointRuleView>[] = [
  { title: '规则', dataIndex: 'name' },
  { title: '来源', dataIndex: 'source', render: (v: string) => sourceLabel(v) },
  { title: '每次分值', dataIndex: 'pointsPerUnit' },
  { title: '封顶', key: 'cap', render: (_: unknown, r: PointRuleView) => capLabel(r.capPeriod, r.capPoints) },
  { title: '可手工加分', dataIndex: 'awardRoles', render: (v: string[]) => (v.length ? v.map((x) => ROLE_TEXT[x] ?? '其他').join('、') : '仅自动') },
  { title: '状态', dataIndex: 'enabled', render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
  { title: '版本', dataIndex: 'version', render: (v: number) => `第${v}版` },
];
const historyColumns: Column<PointRuleView>[] = [...ruleColumns, { title: '生效时间', dataIndex: 'validFrom', render: (v: number) => (v ? formatTime(v) : '初始规则') }];

function Rules({ mayEdit }: { mayEdit: boolean }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [rules, setRules] = useState<PointRuleView[]>([]);
  // Until the first answer, a spinner rather than an empty table.
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<PointRuleView | null>(null);
  const [history, setHistory] = useState<PointRuleView[] | null>(null);
  const reload = useCallback(
    () =>
      pointsApi
        .rules(tenant.slug)
        .then((r) => setRules(r.items), (e) => message.error(problemText(e).title))
        .finally(() => setLoading(false)),
    [tenant.slug, message],
  );
  useEffect(() => void reload(), [reload]);
  const columns: Column<PointRuleView>[] = [
    ...ruleColumns,
    {
      title: '操作',
      key: 'op',
      render: (_: unknown, r: PointRuleView) => (
        <Space>
          {mayEdit && (
            <Button size="small" onClick={() => setEditing(r)}>
              修改
            </Button>
          )}
          <Button size="small" onClick={() => void pointsApi.history(tenant.slug, r.code).then((h) => setHistory(h.items))}>
            历史版本
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<PointRuleView> minWidth="max-content" rowKey="code" size="small" loading={loading} rows={rules} columns={columns} />
      <RuleEditModal rule={editing} onClose={() => setEditing(null)} onReload={() => void reload()} />
      <RuleHistoryDrawer history={history} columns={historyColumns} onClose={() => setHistory(null)} />
    </>
  );
}
