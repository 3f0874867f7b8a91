import { ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { URGENCY_LABELS } from '@ronghe/schema/enums';
import type { Urgency } from '@ronghe/schema';
import { errorText } from '../../../api/client.ts';
import { supervisionApi, type OverdueNeed, type ProjectSummary, type Warnings } from '../../../api/project-endpoints.ts';
import { antIsland } from '../../../lib/ant-island.tsx';
import { bpToPct } from '../../../lib/money.ts';
import { problemText } from '../../../lib/problems.ts';
import { refusal } from '../../../lib/refusal.ts';
import { openInList } from '../../../lib/useOpenParam.ts';
import { useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { Alert } from '../../../light/Alert.tsx';
import { Button } from '../../../light/Button.tsx';
import { Card } from '../../../light/Card.tsx';
import { Empty } from '../../../light/Empty.tsx';
import { Col, Row } from '../../../light/Grid.tsx';
import { Progress } from '../../../light/Progress.tsx';
import { Space } from '../../../light/Space.tsx';
import { Statistic } from '../../../light/Statistic.tsx';
import { Table, type Column } from '../../../light/Table.tsx';
import { Tag } from '../../../light/Tag.tsx';
import { Text } from '../../../light/Typography.tsx';
import { useTenant } from '../../../tenant.tsx';
import { DueDate, StatusTag, WARNING_COLORS, WarningBadge, pctText } from '../projects/labels.tsx';
import { ActionButton } from '../../../light/ActionButton.tsx';
import { SUPERVISION_FILTER_KEYS, warningsQuery } from '../first-reads.ts';
import { useFirstAnswer } from '../../../lib/useFirstAnswer.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

const FILTER_KEYS = SUPERVISION_FILTER_KEYS;

// The page draws without antd (src/light/, docs/adr/0031); the filters and the recomputation's
// confirmation are antd islands that load once the board is on screen.
const SupervisionFilters = antIsland(() => import('./SupervisionFilters.tsx').then((m) => m.SupervisionFilters));
const RecomputeConfirm = antIsland(() => import('./RecomputeConfirm.tsx').then((m) => m.RecomputeConfirm));

/** 督办预警: red and yellow projects with their reasons, overdue needs, and the daily recomputation. */
export default function SupervisionPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  // The warnings may have been answered before the page was drawn (lib/useFirstAnswer.ts).
  const first = useFirstAnswer(() => supervisionApi.warnings(tenant.slug, warningsQuery({ allianceId: filters.allianceId, mine: filters.mine })));
  const [data, setData] = useState<Warnings | null>(first.value ?? null);
  const [loading, setLoading] = useState(!first.value);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const seq = useRef(0);
  // The recomputation is the county's scheduled job; its administrator may run it now.
  // The server's matrix (GET /tenants actions), not a second list of roles.
  const canRun = refusal(tenant, 'supervision.run', '重新计算预警') === undefined;

  const load = useCallback(async () => {
    const me = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const w = await supervisionApi.warnings(tenant.slug, warningsQuery({ allianceId: filters.allianceId, mine: filters.mine }));
      if (me === seq.current) setData(w);
    } catch (err) {
      if (me === seq.current) setError(errorText(err));
    } finally {
      if (me === seq.current) setLoading(false);
    }
  }, [tenant.slug, filters.allianceId, filters.mine]);

  useEffect(() => {
    if (!first.taken()) void load();
  }, [load, first]);

  const recompute = async () => {
    setRunning(true);
    try {
      const r = await supervisionApi.run(tenant.slug);
      message.success(`已重新计算 ${r.checked} 个项目：逾期 ${r.red} 个，预警 ${r.yellow} 个，升级督办 ${r.escalated} 个`);
      await load();
    } catch (err) {
      message.error(`重新计算失败：${problemText(err).title}`);
    } finally {
      setRunning(false);
    }
  };

  const projectLink = (p: ProjectSummary) => `/t/${tenant.slug}/projects/${p.id}`;
  const projectColumns: Column<ProjectSummary>[] = [
    { title: '项目', dataIndex: 'title', width: 240, render: (t: string, p) => <Link to={projectLink(p)}>{t}</Link> },
    { title: '预警原因', dataIndex: 'warningReason', render: (r: string | null) => r ?? '—' },
    { title: '党建联合体', dataIndex: 'allianceName', width: 200, ellipsis: true },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: ProjectSummary['status']) => <StatusTag status={s} /> },
    { title: '进度', dataIndex: 'progressBp', width: 140, render: (bp: number) => <Progress format={pctText} percent={bpToPct(bp)} /> },
    {
      title: '完成期限',
      dataIndex: 'dueOn',
      width: 150,
      render: (v: string, p) => <DueDate date={v} overdue={p.overdue} />,
    },
    { title: '认领单位', dataIndex: 'claimOrgNames', width: 200, render: (n: string[]) => (n.length ? n.join('、') : '—') },
  ];
  const needColumns: Column<OverdueNeed>[] = [
    { title: '需求', dataIndex: 'title', width: 240, render: (t: string, n) => <Link to={openInList(tenant.slug, 'needs', n.id)}>{t}</Link> },
    { title: '党建联合体', dataIndex: 'allianceName', width: 200, ellipsis: true },
    { title: '类别', dataIndex: 'categoryName', width: 100 },
    { title: '紧急程度', dataIndex: 'urgency', width: 90, render: (u: number) => URGENCY_LABELS[u as Urgency] ?? u },
    { title: '截止日期', dataIndex: 'deadline', width: 110 },
    { title: '尚缺', dataIndex: 'remainingQty', width: 110, align: 'right', render: (q: number, n) => `${q} ${n.unit}` },
    { title: '地点', dataIndex: 'placeName', render: (v: string | null, n) => [v, n.gridName].filter(Boolean).join(' · ') || '—' },
  ];

  const red = (data?.projects ?? []).filter((p) => p.warning === 'red');
  const yellow = (data?.projects ?? []).filter((p) => p.warning === 'yellow');
  const counts = data?.counts;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <SupervisionFilters
            filters={filters}
            onApply={applyFilters}
            // The inline form's height, so the bar does not move when the form arrives.
            placeholder={<div style={{ minHeight: 32 }} />}
          />
          <Space>
            <Text type="secondary" data-testid="supervision-last-run">
              最近计算：{data?.lastRunOn ?? '尚未计算'}
            </Text>
            <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void load()} loading={loading} />
            {canRun ? (
              <RecomputeConfirm
                open={confirming}
                onOpenChange={setConfirming}
                running={running}
                onConfirm={recompute}
                placeholder={
                  <Button icon={<SyncOutlined />} loading={running} onClick={() => setConfirming(true)}>
                    立即重新计算
                  </Button>
                }
              />
            ) : (
              !tenant.readOnly && (
                <ActionButton action="supervision.run" what="重新计算预警" icon={<SyncOutlined />}>
                  立即重新计算
                </ActionButton>
              )
            )}
          </Space>
        </Space>
      </Card>
      {error && <Alert type="error" title={error} />}
      <Row gutter={16} data-testid="supervision-counts">
        {(
          [
            ['red', '逾期（红灯）', counts?.red],
            ['yellow', '预警（黄灯）', counts?.yellow],
            ['green', '正常（绿灯）', counts?.green],
          ] as const
        ).map(([k, label, n]) => (
          <Col xs={12} md={6} key={k}>
            <Card size="small" loading={loading && !data}>
              <Statistic title={label} value={n ?? 0} valueStyle={{ color: WARNING_COLORS[k] }} data-testid={`count-${k}`} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card size="small" loading={loading && !data}>
            <Statistic title="逾期未满足需求" value={counts?.overdueNeeds ?? 0} data-testid="count-overdueNeeds" />
          </Card>
        </Col>
      </Row>
      {(
        [
          ['red', '逾期项目（红灯）', red, '没有逾期项目', counts?.red ?? 0],
          ['yellow', '预警项目（黄灯）', yellow, '没有预警项目', counts?.yellow ?? 0],
        ] as const
      ).map(([light, title, projects, empty, total]) => (
        <Card
          key={light}
          size="small"
          title={
            <Space>
              <WarningBadge level={light} />
              {title}
            </Space>
          }
          extra={
            <Space size="small">
              {total > projects.length && <ShownOf shown={projects.length} total={total} />}
              <Link to={`/t/${tenant.slug}/projects?view=table&warning=${light}`}>{total > projects.length ? `在项目清单中查看全部 ${total} 项` : '在项目清单中查看'}</Link>
            </Space>
          }
        >
          <Table<ProjectSummary>
            size="small"
            columns={projectColumns}
            rows={projects}
            loading={loading && !data}
            emptyText={<Empty description={empty} />}
            minWidth={1200}
            data-testid={`${light}-projects`}
          />
        </Card>
      ))}
      <Card
        size="small"
        title={<Space><Tag color="error">逾期</Tag>逾期未满足的需求</Space>}
        extra={
          <Space size="small">
            {(counts?.overdueNeeds ?? 0) > (data?.overdueNeeds.length ?? 0) && <ShownOf shown={data?.overdueNeeds.length ?? 0} total={counts?.overdueNeeds ?? 0} />}
            <Link to={`/t/${tenant.slug}/needs/overdue`}>在逾期需求复核中处理</Link>
          </Space>
        }
      >
        <Table<OverdueNeed>
          size="small"
          columns={needColumns}
          rows={data?.overdueNeeds ?? []}
          loading={loading && !data}
          emptyText={<Empty description="没有逾期需求" />}
          minWidth={1100}
          data-testid="overdue-needs"
        />
      </Card>
    </Space>
  );
}

/** The board lists a few of each kind (the API's default 20: the most overdue projects, the newest overdue needs); the count is the whole. */
function ShownOf({ shown, total }: { shown: number; total: number }) {
  return (
    <Text type="secondary" data-testid="shown-of">
      共 {total} 项，此处列出 {shown} 项
    </Text>
  );
}
