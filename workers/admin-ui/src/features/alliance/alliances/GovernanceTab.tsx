import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { GovernanceInputSchema, type GovernanceLayer } from '@ronghe/schema';
import { Alert, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { ApiError } from '../../../api/client.ts';
import type { AllianceDetail, GovernanceSeat } from '../../../api/types.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { GOVERNANCE_LAYERS, POST_OPTIONS } from './labels.ts';
import type { TabProps } from './tabProps.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

// 议事机构 (seed 000 8.1): 决策层, 协调层, 执行层. The lead secretary is 总负责人,
// each member secretary 具体负责人, each member's liaison a 联络员 (seed 000 11.1.2).

const LIST_KEYS = { 决策层: 'decision', 协调层: 'coordination', 执行层: 'execution' } as const satisfies Record<GovernanceLayer, string>;
type ListKey = (typeof LIST_KEYS)[GovernanceLayer];
const DEFAULT_POST: Record<GovernanceLayer, string> = { 决策层: '委员', 协调层: '具体负责人', 执行层: '联络员' };

interface SeatRow {
  post?: string;
  personName?: string;
  orgId?: string | null;
}
type Values = Partial<Record<ListKey, SeatRow[]>>;

/** A first draft from the roster, so the lead fills gaps instead of typing every name. */
function fromRoster(a: AllianceDetail): Values {
  const current = a.members.filter((m) => m.current);
  const lead = current.find((m) => m.role === 'lead');
  const leadSeat = { personName: lead?.secretaryName ?? '', orgId: lead?.orgId ?? null };
  // Seed 000 10.1.3 / 10.2.3: the township secretary heads an industry community, the
  // street secretary a governance community; their names are not in the registry, so left to fill.
  const decision: SeatRow[] =
    a.type === '党建引领产业发展共同体'
      ? [{ post: '总负责人', personName: '', orgId: a.committeeOrgId }, { post: '副书记', ...leadSeat }]
      : a.type === '党建引领多元治理共同体'
        ? [{ post: '书记', personName: '', orgId: a.committeeOrgId }, { post: '总负责人', ...leadSeat }]
        : [{ post: '总负责人', ...leadSeat }];
  return {
    decision,
    coordination: current.map((m) => ({ post: '具体负责人', personName: m.secretaryName ?? '', orgId: m.orgId })),
    execution: current.map((m) => ({ post: '联络员', personName: m.liaisonName ?? '', orgId: m.orgId })),
  };
}

function fromSeats(seats: GovernanceSeat[]): Values {
  const out: Values = { decision: [], coordination: [], execution: [] };
  for (const s of seats) out[LIST_KEYS[s.layer]]!.push({ post: s.post, personName: s.personName, orgId: s.orgId });
  return out;
}

export function GovernanceTab({ tenant, alliance, onChanged, reload }: TabProps) {
  const a = alliance.value;
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [prefilled, setPrefilled] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  // A seat sits for a member, or for the approving committee (whose secretary heads a governance community).
  const orgOptions = [
    ...a.members.filter((m) => m.current).map((m) => ({ value: m.orgId, label: m.orgName })),
    ...(a.members.some((m) => m.current && m.orgId === a.committeeOrgId) ? [] : [{ value: a.committeeOrgId, label: `${a.committeeOrgName}（上级党(工)委）` }]),
  ];

  const edit = () => {
    setProblem(null);
    form.resetFields();
    const empty = a.governance.length === 0;
    setPrefilled(empty);
    form.setFieldsValue(empty ? fromRoster(a) : fromSeats(a.governance));
    setOpen(true);
  };

  const submit = async () => {
    setProblem(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    // Seats go out as one list; remember where each came from to put errors back on its row.
    const origin: Array<[ListKey, number]> = [];
    const seats = GOVERNANCE_LAYERS.flatMap((layer) =>
      (v[LIST_KEYS[layer]] ?? []).map((row, i) => {
        origin.push([LIST_KEYS[layer], i]);
        return { layer, post: row.post, personName: row.personName?.trim() ?? '', orgId: row.orgId || null };
      }),
    );
    const place = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, summary?: string) => {
      const fields: Array<{ name: (string | number)[]; errors: string[] }> = [];
      const general: string[] = [];
      for (const i of issues) {
        const [head, idx, field] = i.path.map(String);
        const at = head === 'seats' && idx !== undefined ? origin[Number(idx)] : undefined;
        if (at && field) fields.push({ name: [at[0], at[1], field], errors: [i.message] });
        else if (i.message !== summary) general.push(i.message);
      }
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setProblem({ title: summary ?? '请检查以下内容', items: general, stale: false });
    };
    const parsed = GovernanceInputSchema.safeParse({ seats });
    if (!parsed.success) return place(parsed.error.issues);
    setSaving(true);
    try {
      onChanged(await allianceApi.putGovernance(tenant, a.id, alliance.etag, parsed.data));
      message.success('已保存议事机构');
      setOpen(false);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        place(
          (err.problem.errors ?? []).map((e) => ({ path: e.path.split('.').filter((s) => s !== 'body'), message: e.message })),
          err.problem.detail,
        );
      } else {
        setProblem(problemText(err));
        if (err instanceof ApiError && err.status === 412) await reload();
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Card
        size="small"
        title="议事机构"
        extra={
          a.can.editGovernance && (
            <Button icon={<EditOutlined />} onClick={edit}>
              编辑议事机构
            </Button>
          )
        }
      >
        {a.governance.length === 0 ? (
          <Empty description="尚未组建议事机构" />
        ) : (
          <Row gutter={16}>
            {GOVERNANCE_LAYERS.map((layer) => {
              const seats = a.governance.filter((s) => s.layer === layer);
              return (
                <Col span={8} key={layer}>
                  <Card type="inner" size="small" title={`${layer}（${seats.length} 人）`} data-testid={`governance-${LIST_KEYS[layer]}`}>
                    <Table<GovernanceSeat>
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={seats}
                      locale={{ emptyText: '暂无人员' }}
                      columns={[
                        { title: '职务', dataIndex: 'post', width: 90 },
                        { title: '姓名', dataIndex: 'personName', width: 80 },
                        { title: '所在党组织', dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
                      ]}
                    />
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
      </Card>
      <Modal
        open={open}
        title="编辑议事机构"
        width={900}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        mask={{ closable: false }}
      >
        {prefilled && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="已按成员名单生成初稿：决策层由负责人组成，各成员单位书记任具体负责人，联络员组成执行层。请核对并补全姓名。" />
        )}
        <ProblemAlert problem={problem} />
        <Form form={form} name="governance-form" layout="vertical">
          {GOVERNANCE_LAYERS.map((layer) => (
            <div key={layer} style={{ marginBottom: 8 }}>
              <Typography.Title level={5}>{layer}</Typography.Title>
              <Form.List name={LIST_KEYS[layer]}>
                {(rows, { add, remove }) => (
                  <>
                    {rows.map((row) => (
                      <Row gutter={8} key={row.key}>
                        <Col flex="150px">
                          <Form.Item name={[row.name, 'post']} rules={[{ required: true, message: '请选择职务' }]}>
                            <Select options={POST_OPTIONS} placeholder="职务" />
                          </Form.Item>
                        </Col>
                        <Col flex="160px">
                          <Form.Item name={[row.name, 'personName']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                            <Input placeholder="姓名" maxLength={40} />
                          </Form.Item>
                        </Col>
                        <Col flex="auto">
                          <Form.Item name={[row.name, 'orgId']}>
                            <Select options={orgOptions} allowClear placeholder="所在党组织（成员单位）" />
                          </Form.Item>
                        </Col>
                        <Col flex="40px">
                          <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除" onClick={() => remove(row.name)} />
                        </Col>
                      </Row>
                    ))}
                    <Space>
                      <Button icon={<PlusOutlined />} size="small" onClick={() => add({ post: DEFAULT_POST[layer] })}>
                        添加{layer}人员
                      </Button>
                    </Space>
                  </>
                )}
              </Form.List>
            </div>
          ))}
        </Form>
      </Modal>
    </>
  );
}
