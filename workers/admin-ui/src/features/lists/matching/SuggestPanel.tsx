import { CloseCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { RejectMatchSchema } from '@ronghe/schema';
import { Alert, Button, Card, Col, Collapse, Empty, Input, InputNumber, Radio, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorText } from '../../../api/client.ts';
import { matchingApi, needApi, type MatchSuggestion, type MatchSuggestions, type NeedView } from '../../../api/list-endpoints.ts';
import { CursorTable } from '../../../lib/CursorTable.tsx';
import { PromptModal } from '../../../lib/PromptModal.tsx';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import type { ProblemText } from '../../../lib/problems.ts';
import { QuantityBar } from '../../../lib/QuantityBar.tsx';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { useTenant } from '../../../tenant.tsx';
import { LOCALITY_LABELS, NEED_STATUS_COLORS, NEED_STATUS_LABELS, type NeedStatus, urgencyColor, urgencyLabel } from '../needs/labels.ts';
import { AcceptModal, type AcceptItem } from './AcceptModal.tsx';
import { MatchReasons } from './MatchReasons.tsx';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  /** null: the whole county (county administrators). */
  allianceId: string | null;
  needId: string | null;
  onPickNeed(id: string | null): void;
  canAccept: boolean;
  /** The page shows links to the projects made (messages render outside the router). */
  onAccepted(projectIds: string[]): void;
}

const reasonCheck = RejectMatchSchema.shape.reason;

/** Per need: the open needs on the left, the ranked resources that could meet the chosen one on the right. */
export function SuggestPanel({ allianceId, needId, onPickNeed, canAccept, onAccepted }: Props) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [status, setStatus] = useState<'open' | 'partly_met'>('open');
  const [q, setQ] = useState('');
  const needs = useCursorList(
    (after) => needApi.list(tenant.slug, { allianceId: allianceId ?? undefined, status, q: q || undefined, cursor: after ?? undefined, limit: 20 }),
    [tenant.slug, allianceId, status, q],
  );
  useEffect(() => {
    void needs.reload();
  }, [needs.reload]);

  const [data, setData] = useState<MatchSuggestions | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [accepting, setAccepting] = useState<AcceptItem[] | null>(null);
  const [rejecting, setRejecting] = useState<MatchSuggestion | null>(null);
  const [conflict, setConflict] = useState<ProblemText | null>(null);

  const load = useCallback(async () => {
    if (!needId) return;
    setLoading(true);
    setError(null);
    try {
      const s = await needApi.suggestions(tenant.slug, needId, 10);
      setData(s);
      setQty(Object.fromEntries(s.suggestions.map((x) => [x.resource.id, x.quantity])));
    } catch (err) {
      setError(errorText(err));
      setData(null);
    } finally {
      setLoading(false);
    }
  }, [tenant.slug, needId]);

  useEffect(() => {
    setData(null);
    setConflict(null);
    void load();
  }, [load]);

  const need = data?.need;
  const replaceNeed = (n: NeedView) => needs.setRows((rows) => rows.map((r) => (r.id === n.id ? n : r)));

  const accept = (s: MatchSuggestion) => {
    if (!need) return;
    setAccepting([
      {
        needId: need.id,
        needTitle: need.title,
        needDeadline: need.deadline,
        allianceId: need.allianceId,
        resourceId: s.resource.id,
        resourceTitle: s.resource.title,
        offeringOrgName: s.resource.offeringOrgName,
        quantity: qty[s.resource.id] ?? s.quantity,
        unit: need.unit,
      },
    ]);
  };

  const reject = async (values: Record<string, string | undefined>) => {
    if (!need || !rejecting) return;
    await matchingApi.reject(tenant.slug, { needId: need.id, resourceId: rejecting.resource.id, reason: values.reason ?? null });
    message.success(`已不采纳“${rejecting.resource.title}”，不再向该需求推荐`);
    setRejecting(null);
    void load();
  };

  const needColumns: ColumnsType<NeedView> = [
    {
      title: '需求',
      dataIndex: 'title',
      render: (t: string, n) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong={n.id === needId}>{t}</Typography.Text>
          <Space size={4} wrap>
            <Tag color={urgencyColor(n.urgency)} style={{ marginInlineEnd: 0 }}>
              {urgencyLabel(n.urgency)}
            </Tag>
            <Typography.Text type={n.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              截止 {n.deadline}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              待对接 {n.remainingQty} {n.unit}
            </Typography.Text>
          </Space>
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'categoryName', width: 90 },
  ];

  const columns: ColumnsType<MatchSuggestion> = useMemo(
    () => [
      { title: '#', key: 'rank', width: 36, render: (_, __, i) => i + 1 },
      {
        title: '资源',
        key: 'resource',
        width: 220,
        render: (_, s) => (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>{s.resource.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.resource.offeringOrgName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.resource.categoryName} · 剩余 {s.resource.remainingQty} {s.resource.unit} · {s.resource.placeName ?? '—'}（{LOCALITY_LABELS[s.resource.scope]}）
            </Typography.Text>
            {s.resource.allianceId !== need?.allianceId && <Tag color="purple">{s.resource.allianceName}</Tag>}
          </Space>
        ),
      },
      {
        title: '推荐理由',
        key: 'reasons',
        width: 280,
        render: (_, s) => (
          <MatchReasons reasons={s.reasons} />
        ),
      },
      {
        title: '对接数量',
        key: 'qty',
        width: 120,
        render: (_, s) => (
          <InputNumber
            size="small"
            min={1}
            max={Math.max(1, Math.min(need?.remainingQty ?? s.quantity, s.resource.remainingQty))}
            precision={0}
            value={qty[s.resource.id] ?? s.quantity}
            onChange={(v) => setQty((m) => ({ ...m, [s.resource.id]: v ?? s.quantity }))}
            disabled={!canAccept}
            aria-label="对接数量"
            style={{ width: 100 }}
          />
        ),
      },
      ...(canAccept
        ? [
            {
              title: '操作',
              key: 'ops',
              width: 96,
              fixed: 'right' as const,
              render: (_: unknown, s: MatchSuggestion) => (
                <Space orientation="vertical" size={4}>
                  <Button type="primary" size="small" onClick={() => accept(s)} data-testid="accept-suggestion">
                    对接
                  </Button>
                  <Button size="small" icon={<CloseCircleOutlined />} onClick={() => setRejecting(s)}>
                    不采纳
                  </Button>
                </Space>
              ),
            },
          ]
        : []),
    ],
    [need, qty, canAccept],
  );

  return (
    <Row gutter={16}>
      <Col xs={24} lg={8}>
        <Card size="small" title="选择需求" style={{ marginBottom: 16 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Radio.Group value={status} onChange={(e) => setStatus(e.target.value)} optionType="button" size="small">
              <Radio value="open">{NEED_STATUS_LABELS.open}</Radio>
              <Radio value="partly_met">{NEED_STATUS_LABELS.partly_met}</Radio>
            </Radio.Group>
            <Input.Search placeholder="搜索需求名称" allowClear onSearch={(v) => setQ(v.trim())} size="small" />
            <CursorTable<NeedView>
              list={needs}
              columns={needColumns}
              size="small"
              unit="条"
              emptyText="没有待对接的需求"
              showHeader={false}
              onRow={(n) => ({ onClick: () => onPickNeed(n.id), style: { cursor: 'pointer', background: n.id === needId ? '#fff1f0' : undefined } })}
              data-testid="match-need-list"
            />
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card
          size="small"
          title={need ? `为“${need.title}”推荐资源` : '推荐资源'}
          extra={needId && <Button type="text" icon={<ReloadOutlined />} aria-label="重新计算" onClick={() => void load()} loading={loading} />}
          data-testid="suggestions"
        >
          {!needId && <Empty description="在左侧选择一项需求，查看可满足它的资源及匹配说明" />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <ProblemAlert problem={conflict} />
          {needId && !data && loading && <Spin style={{ width: '100%', margin: '40px 0' }} />}
          {need && (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={NEED_STATUS_COLORS[need.status as NeedStatus]}>{NEED_STATUS_LABELS[need.status as NeedStatus]}</Tag>
                <Tag color={urgencyColor(need.urgency)}>{urgencyLabel(need.urgency)}</Tag>
                <Typography.Text type="secondary">
                  {need.allianceName} · {need.categoryName} · {need.placeName ?? '—'} · 截止 {need.deadline}
                </Typography.Text>
              </Space>
              <QuantityBar quantity={need.quantity} committed={need.committedQty} inDelivery={need.inDeliveryQty} fulfilled={need.fulfilledQty} unit={need.unit} detailed />
              {!need.can.match && <Alert type="info" showIcon title="该需求当前不能对接（已满足、已关闭或您无权对接）。" />}
              <Table<MatchSuggestion>
                rowKey={(s) => s.resource.id}
                size="small"
                columns={columns}
                dataSource={data?.suggestions ?? []}
                loading={loading}
                pagination={false}
                locale={{ emptyText: '没有符合条件的资源：类别、可用期或服务范围都不满足' }}
                scroll={{ x: 760 }}
              />
              {data && data.rejected.length > 0 && (
                <Collapse
                  size="small"
                  items={[
                    {
                      key: 'rejected',
                      label: `已不采纳的资源（${data.rejected.length}）`,
                      children: (
                        <ul style={{ margin: 0, paddingLeft: 18 }}>
                          {data.rejected.map((r) => (
                            <li key={r.resourceId}>
                              {r.resourceTitle}
                              {r.reason && <Typography.Text type="secondary">：{r.reason}</Typography.Text>}
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]}
                />
              )}
            </Space>
          )}
        </Card>
      </Col>
      <AcceptModal
        open={accepting !== null}
        items={accepting ?? []}
        onClose={() => setAccepting(null)}
        onConflict={(p) => {
          setAccepting(null);
          setConflict(p);
          void load();
        }}
        onPartial={onAccepted}
        onDone={(ids) => {
          setAccepting(null);
          setConflict(null);
          onAccepted(ids);
          void load();
          void needApi.get(tenant.slug, needId!).then((n) => replaceNeed(n.value)).catch(() => undefined);
        }}
      />
      <PromptModal
        open={rejecting !== null}
        title={rejecting ? `不采纳：${rejecting.resource.title}` : ''}
        okText="不采纳"
        danger
        intro="不采纳后，该资源不再推荐给这项需求，也不进入一键匹配方案。"
        formName="reject-match"
        fields={[{ name: 'reason', label: '原因', kind: 'textarea', required: false, schema: reasonCheck, rows: 3, placeholder: '可不填，如：距离太远、时间不合适' }]}
        onSubmit={reject}
        onClose={() => setRejecting(null)}
      />
    </Row>
  );
}
