import { PlusOutlined } from '@ant-design/icons';
import { AdjustmentCreateSchema, AdjustmentDecisionSchema, ADJUSTMENT_KINDS } from '@ronghe/schema';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { ApiError } from '../../../api/client.ts';
import type { Adjustment } from '../../../api/types.ts';
import { filingsChanged } from '../filings/filingsBadge.ts';
import { applyNestedErrors, serverIssues } from '../../../lib/formErrors.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { PromptModal, type PromptField } from '../../../lib/PromptModal.tsx';
import { formatTime } from '../../../lib/time.ts';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { toBp, toPct } from './allianceForm.ts';
import {
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_STATUS_COLORS,
  ADJUSTMENT_STATUS_LABELS,
  CONSORTIUM_ROLE_OPTIONS,
  INDUSTRIAL_TYPE,
  TYPE_OPTIONS,
  type AdjustmentKind,
} from './labels.ts';
import type { TabProps } from './tabProps.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

// 调整 (seed 000 8.3): while an alliance runs, members join and leave, its
// type or lead changes only by the approving committee's decision.

const KIND_OPTIONS = ADJUSTMENT_KINDS.map((k) => ({ value: k, label: ADJUSTMENT_KIND_LABELS[k] }));
const KNOWN = new Set(['kind', 'reason', 'orgId', 'memberId', 'contributionPct', 'consortiumRole', 'type', 'typeNote']);
const rename = (path: readonly PropertyKey[]) => path.map((p) => (p === 'contributionBp' ? 'contributionPct' : p));

interface Values {
  kind?: AdjustmentKind;
  reason?: string;
  orgId?: string | null;
  memberId?: string;
  contributionPct?: number | null;
  consortiumRole?: string | null;
  type?: string;
  typeNote?: string;
}

const decisionFields = (approve: boolean): PromptField[] => [
  {
    name: 'note',
    label: '决定意见',
    kind: 'textarea',
    required: true,
    placeholder: approve ? '如：经党(工)委研究，同意……' : '写明不同意的理由',
    schema: AdjustmentDecisionSchema.shape.note,
  },
  { name: 'onDate', label: '决定日期', kind: 'date', schema: AdjustmentDecisionSchema.shape.onDate },
];

/**
 * What the committee must know before approving (seed 000 8.3): what a joining
 * member will still owe, and — for a join or leave — the ratios after it,
 * editable so that the decision itself brings them back to 100 %.
 */
function DecisionIntro({ adj, ratios, setRatios }: { adj: Adjustment; ratios: Record<string, number>; setRatios(next: Record<string, number>): void }) {
  const after = adj.contributionsAfter;
  const totalBp = after ? after.reduce((s, r) => s + (toBp(ratios[r.orgId]) ?? 0), 0) : 0;
  const balanced = totalBp === 0 || totalBp === 10000;
  const owes = adj.outstanding.filter((p) => p.code !== 'members.contribution');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small" data-testid="adjustment-outstanding">
      <Typography.Text>批准后调整立即生效，并向旗县区委组织部备案。</Typography.Text>
      {owes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="批准后仍待补办（补办前联合体计为不符合组建条件）"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {owes.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {after && (
        <div data-testid="adjustment-ratios">
          <Typography.Text strong>调整后的出资比例</Typography.Text>
          {after.map((r) => (
            <Row key={r.orgId} gutter={8} align="middle" style={{ marginTop: 4 }}>
              <Col flex="auto">
                <Typography.Text ellipsis={{ tooltip: r.orgName }}>{r.orgName}</Typography.Text>
              </Col>
              <Col flex="140px">
                <InputNumber
                  aria-label={`${r.orgName}出资比例`}
                  min={0}
                  max={100}
                  precision={2}
                  suffix="%"
                  style={{ width: '100%' }}
                  value={ratios[r.orgId]}
                  onChange={(v) => setRatios({ ...ratios, [r.orgId]: v ?? 0 })}
                />
              </Col>
            </Row>
          ))}
          <Typography.Text type={balanced ? 'secondary' : 'danger'}>
            合计 {(totalBp / 100).toFixed(2)}%{balanced ? '' : '：应为 100%（或都不填），请调整后再批准'}
          </Typography.Text>
        </div>
      )}
    </Space>
  );
}

export function AdjustmentsTab({ tenant, alliance, onChanged, reload }: TabProps) {
  const a = alliance.value;
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [proposing, setProposing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [deciding, setDeciding] = useState<{ adj: Adjustment; approve: boolean } | null>(null);
  const [ratios, setRatios] = useState<Record<string, number>>({});
  const openDecision = (adj: Adjustment, approve: boolean) => {
    setRatios(Object.fromEntries((adj.contributionsAfter ?? []).map((r) => [r.orgId, toPct(r.contributionBp)])));
    setDeciding({ adj, approve });
  };
  const kind = Form.useWatch('kind', form);
  const current = a.members.filter((m) => m.current);
  const others = current.filter((m) => m.role !== 'lead');

  useEffect(() => {
    if (!proposing) return;
    setProblem(null);
    form.resetFields();
  }, [proposing, form]);

  const show = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, summary?: string) => {
    const rest = applyNestedErrors(form, issues.map((i) => ({ path: rename(i.path), message: i.message })), KNOWN);
    const items = rest.filter((m) => m !== summary);
    setProblem(summary || items.length ? { title: summary ?? '请检查以下内容', items, stale: false } : null);
  };

  const propose = async () => {
    setProblem(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const reason = v.reason?.trim() ?? '';
    let payload: Record<string, unknown>;
    switch (v.kind) {
      case 'member_join': {
        payload = { kind: v.kind, reason, orgId: v.orgId ?? undefined };
        const bp = toBp(v.contributionPct);
        if (bp !== undefined) payload.contributionBp = bp;
        if (a.type === INDUSTRIAL_TYPE && v.consortiumRole) payload.consortiumRole = v.consortiumRole;
        break;
      }
      case 'member_leave':
        payload = { kind: v.kind, reason, memberId: v.memberId };
        break;
      case 'type_change':
        payload = { kind: v.kind, reason, type: v.type, ...(v.typeNote?.trim() ? { typeNote: v.typeNote.trim() } : {}) };
        break;
      default:
        payload = { kind: v.kind, reason, orgId: v.orgId ?? undefined };
    }
    const parsed = AdjustmentCreateSchema.safeParse(payload);
    if (!parsed.success) return show(parsed.error.issues);
    setSaving(true);
    try {
      onChanged(await allianceApi.proposeAdjustment(tenant, a.id, parsed.data));
      message.success('已提出调整，待上级党(工)委决定');
      setProposing(false);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) show(serverIssues(err.problem.errors), err.problem.detail);
      else setProblem(problemText(err));
    } finally {
      setSaving(false);
    }
  };

  const decide = async (values: Record<string, string | undefined>) => {
    if (!deciding) return;
    try {
      // Only the ratios the committee changed travel; the others stay as they are.
      const contributions = deciding.approve
        ? (deciding.adj.contributionsAfter ?? [])
            .map((r) => ({ orgId: r.orgId, contributionBp: toBp(ratios[r.orgId]) ?? 0, was: r.contributionBp }))
            .filter((r) => r.contributionBp !== r.was)
            .map(({ orgId, contributionBp }) => ({ orgId, contributionBp }))
        : [];
      const next = await allianceApi.decideAdjustment(tenant, a.id, deciding.adj.id, deciding.adj.version, deciding.approve ? 'approve' : 'reject', {
        note: values.note ?? '',
        ...(values.onDate ? { onDate: values.onDate } : {}),
        ...(contributions.length ? { contributions } : {}),
      });
      onChanged(next);
      filingsChanged();
      message.success(deciding.approve ? '已批准调整' : '已决定不予调整');
      setDeciding(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) await reload();
      throw err;
    }
  };

  return (
    <>
      <Card
        size="small"
        title={`调整（${a.adjustments.length} 项）`}
        extra={
          a.can.proposeAdjustment && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)}>
              提出调整
            </Button>
          )
        }
      >
        <Table<Adjustment>
          rowKey="id"
          size="small"
          dataSource={a.adjustments}
          pagination={false}
          locale={{ emptyText: '暂无调整' }}
          scroll={{ x: 1200 }}
          data-testid="adjustment-table"
          columns={[
            { title: '类别', dataIndex: 'kind', width: 120, render: (k: AdjustmentKind) => ADJUSTMENT_KIND_LABELS[k] ?? k },
            {
              title: '内容',
              dataIndex: 'summary',
              width: 260,
              render: (text: string, j) => (
                <Space orientation="vertical" size={0}>
                  <span>{text}</span>
                  {j.outstanding.map((p, i) => (
                    <Typography.Text key={i} type="warning" style={{ fontSize: 12 }}>
                      {p.message}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
            { title: '理由', dataIndex: 'reason', width: 220 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: Adjustment['status']) => <Tag color={ADJUSTMENT_STATUS_COLORS[s]}>{ADJUSTMENT_STATUS_LABELS[s]}</Tag>,
            },
            {
              title: '提出',
              key: 'proposed',
              width: 200,
              render: (_, j) => (
                <Space orientation="vertical" size={0}>
                  <span>{j.proposedByName}</span>
                  <Typography.Text type="secondary">{formatTime(j.proposedAt)}</Typography.Text>
                </Space>
              ),
            },
            {
              title: '决定',
              key: 'decided',
              width: 240,
              render: (_, j) =>
                j.decidedOn ? (
                  <Space orientation="vertical" size={0}>
                    <span>
                      {j.decidedByName} · {j.decidedOn}
                    </span>
                    {j.decisionNote && <Typography.Text type="secondary">{j.decisionNote}</Typography.Text>}
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              fixed: 'right',
              render: (_, j) =>
                a.can.decideAdjustment && j.status === 'proposed' ? (
                  <Space size={4}>
                    <Button type="link" size="small" onClick={() => openDecision(j, true)}>
                      批准
                    </Button>
                    <Button type="link" size="small" danger onClick={() => openDecision(j, false)}>
                      不批准
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>

      <Modal
        open={proposing}
        title="提出调整"
        okText="提交"
        cancelText="取消"
        confirmLoading={saving}
        onOk={propose}
        onCancel={() => setProposing(false)}
        destroyOnHidden
        mask={{ closable: false }}
        width={640}
      >
        <ProblemAlert problem={problem} />
        <Form form={form} layout="vertical" name="adjustment-form">
          <Form.Item label="调整类别" name="kind" rules={[{ required: true, message: '请选择调整类别' }]}>
            <Select options={KIND_OPTIONS} placeholder="请选择" />
          </Form.Item>
          {kind === 'member_join' && (
            <Row gutter={16}>
              <Col span={24}>
                <Form.Item label="加入的党组织" name="orgId" rules={[{ required: true, message: '请选择加入的党组织' }]}>
                  <OrgPicker tenant={tenant} placeholder="输入党组织名称搜索" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="出资比例" name="contributionPct">
                  <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {a.type === INDUSTRIAL_TYPE && (
                <Col span={12}>
                  <Form.Item label="产业化角色" name="consortiumRole">
                    <Select options={CONSORTIUM_ROLE_OPTIONS} allowClear />
                  </Form.Item>
                </Col>
              )}
            </Row>
          )}
          {kind === 'member_leave' && (
            <Form.Item label="退出的成员单位" name="memberId" rules={[{ required: true, message: '请选择退出的成员单位' }]}>
              <Select options={others.map((m) => ({ value: m.id, label: m.orgName }))} placeholder="请选择" />
            </Form.Item>
          )}
          {kind === 'type_change' && (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item label="新的类型" name="type" rules={[{ required: true, message: '请选择新的类型' }]}>
                  <Select options={TYPE_OPTIONS.filter((o) => o.value !== a.type)} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="类型说明" name="typeNote">
                  <Input maxLength={60} placeholder="可不填" />
                </Form.Item>
              </Col>
            </Row>
          )}
          {kind === 'lead_change' && (
            <Form.Item label="新的牵头党组织" name="orgId" rules={[{ required: true, message: '请选择新的牵头党组织' }]} extra="从现有成员单位中选择">
              <Select options={others.map((m) => ({ value: m.orgId, label: m.orgName }))} placeholder="请选择" />
            </Form.Item>
          )}
          <Form.Item label="调整理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写调整理由' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>

      <PromptModal
        open={deciding !== null}
        title={deciding ? `${deciding.approve ? '批准' : '不批准'}调整：${deciding.adj.summary}` : ''}
        okText={deciding?.approve ? '批准' : '不批准'}
        danger={deciding ? !deciding.approve : false}
        intro={deciding?.approve ? <DecisionIntro adj={deciding.adj} ratios={ratios} setRatios={setRatios} /> : undefined}
        formName="adjustment-decision"
        fields={decisionFields(deciding?.approve ?? true)}
        onSubmit={decide}
        onClose={() => setDeciding(null)}
      />
    </>
  );
}
