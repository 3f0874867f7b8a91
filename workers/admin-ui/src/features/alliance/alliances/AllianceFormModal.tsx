import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { ApiError } from '../../../api/client.ts';
import type { Versioned } from '../../../api/endpoints.ts';
import type { AllianceDetail } from '../../../api/types.ts';
import { applyNestedErrors, serverIssues } from '../../../lib/formErrors.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { useTenant } from '../../../tenant.tsx';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { createPayload, FIELD_SET, fieldRule, type FormValues, toFormValues, updatePayload, validateCreate, validateUpdate } from './allianceForm.ts';
import { CONSORTIUM_ROLE_OPTIONS, HOUSE_RULE_SUGGESTIONS, INDUSTRIAL_TYPE, MODEL_OPTIONS, PAIRING_OPTIONS, TYPE_OPTIONS } from './labels.ts';
import { LeadOrgSelect } from './LeadOrgSelect.tsx';
import { useOnOpen } from '../../../lib/useOnOpen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  open: boolean;
  /** Edit this alliance; create when absent. */
  alliance?: Versioned<AllianceDetail>;
  onClose(): void;
  onSaved(saved: Versioned<AllianceDetail>, mode: 'create' | 'edit'): void;
  /** After a 412 the page reloads the alliance and hands it back here. */
  onStale?(): Promise<Versioned<AllianceDetail> | undefined>;
}

// The API names a member's ratio in basis points; the form shows percent.
const renamePath = (path: readonly PropertyKey[]) => path.map((p) => (p === 'contributionBp' ? 'contributionPct' : p));

export function AllianceFormModal({ open, alliance, onClose, onSaved, onStale }: Props) {
  const { tenant, perms } = useTenant();
  const mode = alliance ? 'edit' : 'create';
  const [form] = Form.useForm<FormValues>();
  const { message } = useFeedback();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [current, setCurrent] = useState<Versioned<AllianceDetail> | undefined>(alliance);
  const type = Form.useWatch('type', form);
  const industrial = type === INDUSTRIAL_TYPE;
  const leadOrgId = Form.useWatch('leadOrgId', form) as string | null | undefined;

  useOnOpen(open, () => {
    setProblem(null);
    setCurrent(alliance);
    form.resetFields();
    if (alliance) form.setFieldsValue(toFormValues(alliance.value));
    else form.setFieldsValue({ houseRules: [], members: [{}, {}] });
  }, [alliance, form]);

  const known = current
    ? [
        { id: current.value.leadOrgId, name: current.value.leadOrgName },
        { id: current.value.committeeOrgId, name: current.value.committeeOrgName },
      ]
    : undefined;

  const showIssues = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, summary?: string) => {
    const rest = applyNestedErrors(form, issues.map((i) => ({ path: renamePath(i.path), message: i.message })), FIELD_SET);
    const items = rest.filter((m) => m !== summary);
    setProblem(summary || items.length ? { title: summary ?? '请检查以下内容', items, stale: false } : null);
  };

  const submit = async () => {
    setProblem(null);
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    let save: () => Promise<Versioned<AllianceDetail>>;
    if (mode === 'create') {
      const parsed = validateCreate(createPayload(values));
      if (!parsed.success) return showIssues(parsed.error.issues);
      save = () => allianceApi.create(tenant.slug, parsed.data);
    } else {
      const payload = updatePayload(values, current!.value);
      if (Object.keys(payload).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = validateUpdate(payload);
      if (!parsed.success) return showIssues(parsed.error.issues);
      save = () => allianceApi.update(tenant.slug, current!.value.id, current!.etag, parsed.data);
    }
    setSaving(true);
    try {
      const saved = await save();
      message.success(mode === 'create' ? `已新建“${saved.value.name}”` : `已保存“${saved.value.name}”的修改`);
      onSaved(saved, mode);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        showIssues(serverIssues(err.problem.errors), err.problem.detail);
      } else if (err instanceof ApiError && err.status === 412 && onStale) {
        setProblem(problemText(err));
        const fresh = await onStale();
        if (fresh) {
          setCurrent(fresh);
          form.setFieldsValue(toFormValues(fresh.value));
        }
      } else {
        setProblem(problemText(err));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={mode === 'create' ? '新建党建联合体' : `编辑党建联合体：${alliance?.value.name ?? ''}`}
      width={860}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <ProblemAlert problem={problem} />
      <Form form={form} layout="vertical" name="alliance-form" validateTrigger={['onBlur', 'onChange']}>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          基本信息
        </Divider>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item label="联合体名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写联合体名称' }, fieldRule('name')]}>
              <Input placeholder="如：铁南社区“大党委”党建联合体" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="联合体类型" name="type" rules={[{ required: true, message: '请选择联合体类型' }]}>
              <Select options={TYPE_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="类型说明" name="typeNote" rules={[fieldRule('typeNote')]} extra="“党建联合体+”请写明具体名称，如：党建联合体+志愿服务">
              <Input placeholder="可不填" maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="融合模式" name="model" rules={[{ required: true, message: '请选择融合模式' }]}>
              <Select options={MODEL_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="联建方式" name="pairingForm" rules={[{ required: true, message: '请选择联建方式' }]}>
              <Select options={PAIRING_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="牵头党组织" name="leadOrgId" rules={[{ required: true, message: '请选择牵头党组织' }]} extra="牵头党组织自动成为成员单位">
              <LeadOrgSelect tenant={tenant.slug} allowed={perms.allianceLeadOrgs} known={known} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="上级党(工)委"
              name="committeeOrgId"
              rules={[{ required: true, message: '请选择上级党(工)委' }]}
              extra={leadOrgId ? '审批组建、年度考核、调整和撤销的党(工)委：只列出牵头党组织隶属关系上的上级党(工)委' : '请先选择牵头党组织'}
            >
              {/* Only committees above the chosen lead may approve (seed 000 7.1); the server enforces it too. */}
              <OrgPicker tenant={tenant.slug} known={known} filter={{ committeeFor: leadOrgId ?? undefined }} disabled={!leadOrgId} placeholder="输入上级党(工)委名称搜索" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="共同愿景" name="vision" rules={[{ required: true, whitespace: true, message: '请填写共同愿景' }, fieldRule('vision')]}>
              <Input.TextArea rows={2} maxLength={2000} placeholder="联合体成员共同的发展目标" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="共同需求" name="commonNeeds" rules={[{ required: true, whitespace: true, message: '请填写共同需求' }, fieldRule('commonNeeds')]}>
              <Input.TextArea rows={2} maxLength={2000} placeholder="成员单位共同面对的问题和需要" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="运行制度" name="houseRules" extra="可选择或直接输入后回车，如共建准入、书记轮值、多网合一、清单管理">
              <Select mode="tags" options={HOUSE_RULE_SUGGESTIONS.map((r) => ({ value: r, label: r }))} placeholder="选择或输入制度名称" />
            </Form.Item>
          </Col>
        </Row>

        {industrial && (
          <>
            <Divider titlePlacement="start" plain>
              产业化联合体
            </Divider>
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              产业化联合体须有龙头企业、农民合作社、社会化服务组织，种养殖大户不少于 3 户，参与农牧户不少于本地农牧户总数的 20%。
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item label="种养殖大户（户）" name={['consortium', 'largeGrowers']} rules={[{ required: true, message: '请填写种养殖大户数' }]}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="参与农牧户（户）" name={['consortium', 'households']} rules={[{ required: true, message: '请填写参与农牧户数' }]}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="本地农牧户总数（户）" name={['consortium', 'householdsTotal']} rules={[{ required: true, message: '请填写农牧户总数' }]}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}

        {mode === 'create' && (
          <>
            <Divider titlePlacement="start" plain>
              拟加入的成员单位
            </Divider>
            <Form.List name="members">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row) => (
                    <Row gutter={8} key={row.key} align="top">
                      <Col flex="auto">
                        <Form.Item name={[row.name, 'orgId']} rules={[{ required: true, message: '请选择成员党组织' }]}>
                          <OrgPicker tenant={tenant.slug} placeholder="输入成员党组织名称搜索" />
                        </Form.Item>
                      </Col>
                      <Col flex="150px">
                        <Form.Item name={[row.name, 'contributionPct']}>
                          <InputNumber min={0} max={100} precision={2} suffix="%" placeholder="出资比例" style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      {industrial && (
                        <Col flex="160px">
                          <Form.Item name={[row.name, 'consortiumRole']}>
                            <Select options={CONSORTIUM_ROLE_OPTIONS} allowClear placeholder="产业化角色" />
                          </Form.Item>
                        </Col>
                      )}
                      <Col flex="40px">
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label="移除成员" onClick={() => remove(row.name)} />
                      </Col>
                    </Row>
                  ))}
                  <Space>
                    <Button icon={<PlusOutlined />} onClick={() => add({})}>
                      添加成员单位
                    </Button>
                    <Typography.Text type="secondary">也可以保存草稿后在“成员单位”中继续添加</Typography.Text>
                  </Space>
                </>
              )}
            </Form.List>
          </>
        )}
        {mode === 'edit' && current && !['draft', 'rejected'].includes(current.value.status) && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title="联合体已提交，类型、牵头党组织和成员的变更须通过“调整”报上级党(工)委决定。" />
        )}
      </Form>
    </Modal>
  );
}
