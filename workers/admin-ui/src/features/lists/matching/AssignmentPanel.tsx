import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { matchingApi, type AssignmentItem, type AssignmentView } from '../../../api/list-endpoints.ts';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { useTenant } from '../../../tenant.tsx';
import { urgencyColor, urgencyLabel } from '../needs/labels.ts';
import { AcceptModal, type AcceptItem } from './AcceptModal.tsx';
import { Link } from 'react-router-dom';
import { MatchReasons } from './MatchReasons.tsx';

interface Props {
  /** null: the whole county (county administrators). */
  allianceId: string | null;
  /** Who the plan is for, in the page's words. */
  scopeLabel: string;
  canAccept: boolean;
  onAccepted(projectIds: string[]): void;
}

const MAX_ACCEPT = 200;
const keyOf = (i: Pick<AssignmentItem, 'needId' | 'resourceId'>) => `${i.needId}:${i.resourceId}`;
const pct = (a: number, b: number) => (b > 0 ? `${Math.round((a / b) * 100)}%` : '—');
type UnitTotal = AssignmentView['byUnit'][number];

/** 一键最优匹配: the exact assignment of the alliance's (or county's) open needs to resources, reviewed before it is accepted. */
export function AssignmentPanel({ allianceId, scopeLabel, canAccept, onAccepted }: Props) {
  const { tenant } = useTenant();
  const [plan, setPlan] = useState<AssignmentView | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [notice, setNotice] = useState<ProblemText | null>(null);
  const [selected, setSelected] = useState<Key[]>([]);
  const [accepting, setAccepting] = useState<AcceptItem[] | null>(null);

  const run = useCallback(async () => {
    setRunning(true);
    setProblem(null);
    setNotice((n) => (n?.stale ? n : null)); // a conflict stays in view over the recomputed plan
    try {
      const p = await matchingApi.assignment(tenant.slug, allianceId);
      setPlan(p);
      // Nothing is pre-selected: the person ticks what they agree with (issue 10 §2).
      setSelected([]);
    } catch (err) {
      setProblem(problemText(err));
      setPlan(null);
    } finally {
      setRunning(false);
    }
  }, [tenant.slug, allianceId]);

  // Another scope: the old plan no longer applies.
  useEffect(() => {
    setPlan(null);
    setSelected([]);
    setProblem(null);
    setNotice(null);
  }, [allianceId]);

  const chosen = useMemo(() => {
    const keys = new Set(selected);
    return (plan?.items ?? []).filter((i) => keys.has(keyOf(i)));
  }, [plan, selected]);

  const columns: ColumnsType<AssignmentItem> = [
    {
      title: '需求',
      key: 'need',
      width: 260,
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{i.needTitle}</Typography.Text>
          <Space size={4}>
            <Tag color={urgencyColor(i.urgency)} style={{ marginInlineEnd: 0 }}>
              {urgencyLabel(i.urgency)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              截止 {i.deadline}
            </Typography.Text>
          </Space>
        </Space>
      ),
    },
    {
      title: '资源',
      key: 'resource',
      width: 240,
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <span>{i.resourceTitle}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.offeringOrgName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '数量', key: 'qty', width: 100, align: 'right', render: (_, i) => `${i.quantity} ${i.unit}` },
    {
      title: '推荐理由',
      key: 'reasons',
      render: (_, i) => (
        <MatchReasons reasons={i.reasons} />
      ),
    },
  ];

  const toAccept = (items: readonly AssignmentItem[]): AcceptItem[] =>
    items.map((i) => ({
      needId: i.needId,
      needTitle: i.needTitle,
      needDeadline: i.deadline,
      allianceId: i.needAllianceId,
      resourceId: i.resourceId,
      resourceTitle: i.resourceTitle,
      offeringOrgName: i.offeringOrgName,
      quantity: i.quantity,
      unit: i.unit,
    }));

  const tooMany = chosen.length > MAX_ACCEPT;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">
            对{scopeLabel}全部待对接、未过截止日期的需求和可用资源统一安排：类别、可用期和服务范围都符合才会配对；先尽量满足更紧急的需求，再优先选用离得近、时间合适、本联合体的资源。方案只是建议，勾选并确认后才生效。
          </Typography.Text>
          <Button type="primary" icon={<ThunderboltOutlined />} loading={running} onClick={() => void run()} data-testid="run-assignment">
            {plan ? '重新计算' : '一键最优匹配'}
          </Button>
        </Space>
      </Card>
      <ProblemAlert problem={problem} />
      <ProblemAlert problem={notice} />
      {!plan && !running && !problem && <Empty description="点击“一键最优匹配”计算对接方案" />}
      {plan && (
        <>
          {plan.overdueExcluded > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="overdue-excluded"
              title={
                <span>
                  另有 {plan.overdueExcluded} 项需求已过截止日期，未参与本次匹配。请先在<Link to={`/t/${tenant.slug}/needs/overdue`}>逾期需求复核</Link>中延长截止日期或关闭。
                </span>
              }
            />
          )}
          <Card size="small" title={`参与计算：${plan.needCount} 项需求，${plan.resourceCount} 项资源`} data-testid="assignment-totals">
            <Table<UnitTotal>
              rowKey="unit"
              size="small"
              pagination={false}
              dataSource={plan.byUnit}
              locale={{ emptyText: '没有待对接的需求' }}
              columns={[
                { title: '计量单位', dataIndex: 'unit', width: 100 },
                { title: '需求项数', dataIndex: 'needCount', width: 100, align: 'right' },
                { title: '待对接数量', dataIndex: 'requested', align: 'right', render: (v: number, u) => `${v.toLocaleString('zh-CN')} ${u.unit}` },
                { title: '方案可满足', dataIndex: 'planned', align: 'right', render: (v: number, u) => `${v.toLocaleString('zh-CN')} ${u.unit}（${pct(v, u.requested)}）` },
                { title: '对接条数', dataIndex: 'rows', width: 100, align: 'right' },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              不同计量单位（如元、人次、处）分别合计，不相加。
            </Typography.Text>
          </Card>
          <Card
            size="small"
            title={
              <Space>
                <span>对接方案</span>
                <Typography.Text type="secondary">共 {plan.items.length} 条</Typography.Text>
                <Typography.Text strong data-testid="selected-count">
                  已选 {chosen.length} 项
                </Typography.Text>
              </Space>
            }
            extra={
              canAccept && (
                <Space wrap>
                  {tooMany && <Typography.Text type="danger">一次最多确认 {MAX_ACCEPT} 条</Typography.Text>}
                  <Button size="small" disabled={plan.items.length === 0 || chosen.length === plan.items.length} onClick={() => setSelected(plan.items.map(keyOf))} data-testid="select-all">
                    全选全部 {plan.items.length} 条
                  </Button>
                  <Button size="small" disabled={chosen.length === 0} onClick={() => setSelected([])} data-testid="clear-selection">
                    清除选择
                  </Button>
                  <Button type="primary" disabled={chosen.length === 0 || tooMany} onClick={() => setAccepting(toAccept(chosen))} data-testid="accept-plan">
                    确认所选对接
                  </Button>
                </Space>
              )
            }
          >
            <Table<AssignmentItem>
              rowKey={keyOf}
              size="small"
              columns={columns}
              dataSource={plan.items}
              // The header box ticks this page only; the selection is kept across pages and counted above.
              rowSelection={canAccept ? { selectedRowKeys: selected, onChange: setSelected, preserveSelectedRowKeys: true } : undefined}
              pagination={plan.items.length > 20 ? { pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] } : false}
              locale={{ emptyText: '没有可行的对接：待对接的需求找不到类别、可用期和服务范围都符合的资源' }}
              scroll={{ x: 900 }}
              data-testid="assignment-table"
            />
          </Card>
        </>
      )}
      <AcceptModal
        open={accepting !== null}
        items={accepting ?? []}
        onClose={() => setAccepting(null)}
        onConflict={(p) => {
          setAccepting(null);
          setNotice(p);
          void run();
        }}
        onDone={(ids) => {
          setAccepting(null);
          setNotice(null);
          setSelected([]);
          onAccepted(ids);
          void run();
        }}
        onPartial={(ids) => {
          onAccepted(ids);
          void run();
        }}
      />
    </Space>
  );
}
