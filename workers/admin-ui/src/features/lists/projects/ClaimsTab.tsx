import { FlagOutlined } from '@ant-design/icons';
import { ClaimCreateSchema, ClaimDecisionSchema } from '@ronghe/schema';
import { Button, Empty, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { errorText } from '../../../api/client.ts';
import { projectApi, type Claim } from '../../../api/project-endpoints.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { problemText } from '../../../lib/problems.ts';
import { PromptModal } from '../../../lib/PromptModal.tsx';
import { formatTime } from '../../../lib/time.ts';
import { useFormSave } from '../../../lib/useFormSave.ts';
import { reloadingOnStale } from '../../../lib/useVersioned.ts';
import { useSession } from '../../../session.tsx';
import { CLAIM_COLORS, CLAIM_STATUS_LABELS } from './labels.tsx';
import type { TabProps } from './tabProps.ts';
import { useOnOpen } from '../../../lib/useOnOpen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

const CLAIM_FIELDS = new Set(['orgId', 'note']);

function ClaimModal({ open, onClose, tenant, project, onChanged, reload }: TabProps & { open: boolean; onClose(): void }) {
  const [form] = Form.useForm<{ orgId?: string; note?: string }>();
  const save = useFormSave(form, CLAIM_FIELDS);
  const { message } = useFeedback();
  const orgs = project.value.claimableOrgs;

  // Most people represent exactly one organization: it is chosen for them.
  useOnOpen(open, () => save.reset(orgs.length === 1 ? { orgId: orgs[0]!.id } : undefined), [form]);

  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    const parsed = ClaimCreateSchema.safeParse({ orgId: v.orgId ?? '', note: v.note?.trim() ?? '' });
    if (!parsed.success) return save.showIssues(parsed.error.issues);
    await save.save(async () => {
      onChanged(await projectApi.claim(tenant, project.value.id, project.etag, parsed.data));
      message.success('已提交认领，等待联合体确认');
      onClose();
    }, async () => void (await reload()));
  };

  return (
    <FormModal open={open} title={`认领项目：${project.value.title}`} okText="提交认领" state={save} onOk={submit} onCancel={onClose}>
      <Form form={form} name="claim-form" layout="vertical">
        <Form.Item label="认领单位" name="orgId" rules={[{ required: true, message: '请选择认领单位' }]}>
          <Select options={orgs.map((o) => ({ value: o.id, label: o.name }))} placeholder="选择您所在的成员单位" />
        </Form.Item>
        <Form.Item label="承担内容" name="note" rules={[{ required: true, whitespace: true, message: '请填写承担内容' }]}>
          <Input.TextArea rows={4} maxLength={1000} placeholder="本单位承担哪些工作、投入哪些人员和资源" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 认领: member organizations take the project on; the alliance confirms or declines each claim. */
export function ClaimsTab(props: TabProps) {
  const { tenant, project, onChanged, reload } = props;
  const p = project.value;
  const { me } = useSession();
  const { message } = useFeedback();
  const [claiming, setClaiming] = useState(false);
  const [deciding, setDeciding] = useState<{ claim: Claim; decision: 'confirm' | 'decline' } | null>(null);

  // Organizations this person speaks for: those the server offers for claiming, and their own grants' organizations.
  const mine = useMemo(() => {
    const ids = new Set(p.claimableOrgs.map((o) => o.id));
    for (const g of me?.grants ?? []) if (g.tenant === tenant && g.scopeOrgId && (g.role === 'org_liaison' || g.role === 'alliance_admin')) ids.add(g.scopeOrgId);
    return ids;
  }, [p.claimableOrgs, me, tenant]);

  const withdraw = async (c: Claim) => {
    try {
      const next = await reloadingOnStale(reload, () => projectApi.withdrawClaim(tenant, p.id, project.etag, c.id));
      onChanged(next);
      message.success(`已撤回${c.orgName}的认领`);
    } catch (err) {
      message.error(`撤回失败：${problemText(err).title || errorText(err)}`);
    }
  };

  const decide = async (values: Record<string, string | undefined>) => {
    if (!deciding) return;
    const body = { decision: deciding.decision, note: values.note ?? null };
    const next = await reloadingOnStale(reload, () => projectApi.decideClaim(tenant, p.id, project.etag, deciding.claim.id, body));
    onChanged(next);
    message.success(deciding.decision === 'confirm' ? `已确认${deciding.claim.orgName}的认领` : `已不同意${deciding.claim.orgName}的认领`);
    setDeciding(null);
  };

  const columns: ColumnsType<Claim> = [
    { title: '认领单位', dataIndex: 'orgName', width: 240 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: Claim['status']) => <Tag color={CLAIM_COLORS[s]}>{CLAIM_STATUS_LABELS[s]}</Tag>,
    },
    { title: '承担内容', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    { title: '联合体意见', dataIndex: 'decisionNote', render: (v: string | null) => v ?? '—' },
    { title: '认领时间', dataIndex: 'claimedAt', width: 170, render: (v: number) => formatTime(v) },
    { title: '决定时间', dataIndex: 'decidedAt', width: 170, render: (v: number | null) => formatTime(v) },
    {
      title: '操作',
      width: 200,
      render: (_: unknown, c) => (
        <Space size={4} wrap>
          {p.can.decideClaims && c.status === 'pending' && (
            <>
              <Button size="small" type="primary" onClick={() => setDeciding({ claim: c, decision: 'confirm' })}>
                确认认领
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ claim: c, decision: 'decline' })}>
                不同意
              </Button>
            </>
          )}
          {mine.has(c.orgId) && ((c.status === 'pending' && ['proposed', 'claimed', 'in_progress'].includes(p.status)) || (c.status === 'confirmed' && p.status === 'claimed')) && (
            <Popconfirm title={`撤回${c.orgName}的认领？`} okText="撤回" cancelText="取消" onConfirm={() => withdraw(c)}>
              <Button size="small">撤回认领</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">成员单位认领项目后，由联合体确认；一个项目可由多个成员单位共同承担。</Typography.Text>
        {p.can.claim && p.claimableOrgs.length > 0 && (
          <Button type="primary" icon={<FlagOutlined />} onClick={() => setClaiming(true)}>
            认领
          </Button>
        )}
      </Space>
      {p.claims.length === 0 ? (
        <Empty description="尚无成员单位认领" />
      ) : (
        <Table<Claim> rowKey="id" size="small" columns={columns} dataSource={p.claims} pagination={false} data-testid="claim-table" />
      )}
      <ClaimModal {...props} open={claiming} onClose={() => setClaiming(false)} />
      <PromptModal
        open={deciding !== null}
        title={deciding ? `${deciding.decision === 'confirm' ? '确认认领' : '不同意认领'}：${deciding.claim.orgName}` : ''}
        okText={deciding?.decision === 'confirm' ? '确认认领' : '不同意'}
        danger={deciding?.decision === 'decline'}
        formName="claim-decision"
        fields={[
          {
            name: 'note',
            label: '意见',
            kind: 'textarea',
            required: deciding?.decision === 'decline',
            rows: 3,
            placeholder: deciding?.decision === 'confirm' ? '可不填' : '写明不同意的理由',
            schema: ClaimDecisionSchema.shape.note,
          },
        ]}
        onSubmit={decide}
        onClose={() => setDeciding(null)}
      />
    </Space>
  );
}
