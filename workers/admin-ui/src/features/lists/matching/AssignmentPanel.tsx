import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { matchingApi, type AssignmentItem, type AssignmentView } from '../../../api/list-endpoints.ts';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { useTenant } from '../../../tenant.tsx';
import { urgencyColor, urgencyLabel } from '../needs/labels.ts';
import { AcceptModal, type AcceptItem } from './AcceptModal.tsx';
import { FactorTags } from './FactorTags.tsx';

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
const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(1)}%` : '—');

/** Signed difference to the greedy baseline, coloured by whether it is better. */
function Delta({ optimal, greedy, lowerIsBetter }: { optimal: number; greedy: number; lowerIsBetter?: boolean }) {
  const d = optimal - greedy;
  if (d === 0) return <Typography.Text type="secondary">与贪心基线相同</Typography.Text>;
  const better = lowerIsBetter ? d < 0 : d > 0;
  return (
    <Typography.Text type={better ? 'success' : 'danger'}>
      比贪心基线{d > 0 ? '多' : '少'} {Math.abs(d)}
      {greedy > 0 ? `（${d > 0 ? '+' : '−'}${((Math.abs(d) / greedy) * 100).toFixed(1)}%）` : ''}
    </Typography.Text>
  );
}

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
      setSelected(p.items.length <= MAX_ACCEPT ? p.items.map(keyOf) : []);
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
    { title: '匹配说明（代价）', key: 'factors', render: (_, i) => <FactorTags factors={i.factors} total={i.cost} /> },
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
            对{scopeLabel}全部待对接的需求和可用资源统一求解：在满足类别、可用期和服务范围的前提下，使按紧急程度加权的满足量最大，其次使总代价最小（精确最优，非逐条贪心）。方案只是建议，确认前不会保存。
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
          <Row gutter={16} data-testid="assignment-totals">
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="参与计算" value={plan.needCount} suffix={`项需求 / ${plan.resourceCount} 项资源`} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="可满足数量" value={plan.optimal.unitsServed} suffix={`/ ${plan.unitsRequested}（${pct(plan.optimal.unitsServed, plan.unitsRequested)}）`} />
                <Typography.Text style={{ fontSize: 12 }}>
                  贪心基线 {plan.greedy.unitsServed}；<Delta optimal={plan.optimal.unitsServed} greedy={plan.greedy.unitsServed} />
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Tooltip title="每个单位的满足量乘以需求的紧急程度（一般 1 · 较急 2 · 紧急 3 · 特急 4）后求和">
                  <Statistic title="紧急程度加权满足量" value={plan.optimal.weightedServed} />
                </Tooltip>
                <Typography.Text style={{ fontSize: 12 }}>
                  贪心基线 {plan.greedy.weightedServed}；<Delta optimal={plan.optimal.weightedServed} greedy={plan.greedy.weightedServed} />
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Tooltip title="各对接的地域、距离、时限、联合体和单位负荷代价之和，越小越优">
                  <Statistic title="总代价" value={plan.optimal.totalCost} />
                </Tooltip>
                <Typography.Text style={{ fontSize: 12 }}>
                  贪心基线 {plan.greedy.totalCost}；<Delta optimal={plan.optimal.totalCost} greedy={plan.greedy.totalCost} lowerIsBetter />
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={
              <Space>
                <span>对接方案</span>
                <Typography.Text type="secondary">
                  共 {plan.items.length} 条，已选 {chosen.length} 条
                </Typography.Text>
              </Space>
            }
            extra={
              canAccept && (
                <Space>
                  {tooMany && <Typography.Text type="danger">一次最多确认 {MAX_ACCEPT} 条</Typography.Text>}
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
