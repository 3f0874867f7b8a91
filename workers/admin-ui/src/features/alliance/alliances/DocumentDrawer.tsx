import { PrinterOutlined } from '@ant-design/icons';
import { DocumentCreateSchema, DocumentUpdateSchema, EDITABLE_DOCUMENT_KINDS } from '@ronghe/schema';
import { Alert, Button, Col, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { ApiError, errorText } from '../../../api/client.ts';
import type { Versioned } from '../../../api/endpoints.ts';
import type { AllianceDetail, AllianceDocument } from '../../../api/types.ts';
import { applyNestedErrors, serverIssues } from '../../../lib/formErrors.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { formatTime } from '../../../lib/time.ts';
import { docKindLabel, EDITABLE_KIND_OPTIONS } from './labels.ts';
import { DocumentOriginal } from './DocumentOriginal.tsx';
import { printPath } from './printPath.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

export type DocumentTarget = { mode: 'create' } | { mode: 'view'; docId: string } | null;

interface Props {
  tenant: string;
  alliance: AllianceDetail;
  target: DocumentTarget;
  onClose(): void;
  /** After a save: the page reloads the alliance (document lists and checks change). */
  onSaved(doc: AllianceDocument): void;
  /** After an original is uploaded: the page reloads the alliance, the drawer stays open on the document. */
  onChanged(): void;
}

interface Values {
  kind?: string;
  title?: string;
  docDate?: Dayjs | null;
  status?: 'draft' | 'adopted';
  signerName?: string;
  signerOrgId?: string | null;
  year?: number | null;
  content?: string;
}

const KNOWN = new Set(['kind', 'title', 'docDate', 'status', 'signerName', 'signerOrgId', 'year', 'content']);
const EDITABLE: ReadonlySet<string> = new Set(EDITABLE_DOCUMENT_KINDS);
const DATE = 'YYYY-MM-DD';

function normalized(v: Values): Record<string, unknown> {
  return {
    kind: v.kind,
    title: v.title?.trim() || undefined,
    docDate: v.docDate ? v.docDate.format(DATE) : null,
    status: v.status,
    signerName: v.signerName?.trim() || null,
    signerOrgId: v.signerOrgId || null,
    year: v.year ?? null,
    content: v.content?.trim() ? v.content : undefined,
  };
}

function toValues(d: AllianceDocument): Values {
  return {
    kind: d.kind,
    title: d.title,
    docDate: d.docDate ? dayjs(d.docDate) : null,
    status: d.status,
    signerName: d.signerName ?? '',
    signerOrgId: d.signerOrgId,
    year: d.year,
    content: d.content,
  };
}

function suggestedTitle(kind: string, allianceName: string, signer?: string): string {
  if (kind === 'agreement') return `${allianceName}共建协议${signer ? `（${signer}）` : ''}`;
  if (kind === 'work_plan') return `${allianceName}${new Date().getFullYear()}年度工作计划`;
  return `${allianceName}${docKindLabel(kind)}`;
}

/** One document: read it (with its fingerprint), or write a draft and adopt it. */
export function DocumentDrawer({ tenant, alliance, target, onClose, onSaved, onChanged }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const [doc, setDoc] = useState<Versioned<AllianceDocument> | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const kind = Form.useWatch('kind', form);
  const creating = target?.mode === 'create';
  const members = alliance.members.filter((m) => m.current);
  // Replies are signed by the approving committee, which is seldom a member.
  const orgOptions = [
    ...members.map((m) => ({ value: m.orgId, label: m.orgName })),
    ...(members.some((m) => m.orgId === alliance.committeeOrgId) ? [] : [{ value: alliance.committeeOrgId, label: alliance.committeeOrgName }]),
    ...alliance.members.filter((m) => !m.current && !members.some((x) => x.orgId === m.orgId)).map((m) => ({ value: m.orgId, label: `${m.orgName}（已退出）` })),
  ];
  const pickable = orgOptions.filter((o) => members.some((m) => m.orgId === o.value));
  const editable = alliance.can.editDocuments && (creating || (doc !== null && doc.value.status === 'draft' && EDITABLE.has(doc.value.kind)));

  useEffect(() => {
    setProblem(null);
    setLoadError(null);
    setDoc(null);
    form.resetFields();
    if (!target) return;
    if (target.mode === 'create') {
      form.setFieldsValue({ status: 'draft', docDate: dayjs() });
      return;
    }
    let alive = true;
    setLoading(true);
    allianceApi
      .getDocument(tenant, alliance.id, target.docId)
      .then((d) => {
        if (!alive) return;
        setDoc(d);
        form.setFieldsValue(toValues(d.value));
      })
      .catch((err) => alive && setLoadError(errorText(err)))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
    // the alliance object changes after every save; the document to show is named by target alone
  }, [target, tenant, form]);

  const onKindChange = (k: string) => {
    if (!form.getFieldValue('title')) form.setFieldValue('title', suggestedTitle(k, alliance.name));
    if (k === 'work_plan' && !form.getFieldValue('year')) form.setFieldValue('year', new Date().getFullYear());
  };
  const onSignerChange = (orgId: string | null) => {
    const m = members.find((x) => x.orgId === orgId);
    if (!m) return;
    // The signer is the member's secretary unless someone else was named.
    if (!form.getFieldValue('signerName') && m.secretaryName) form.setFieldValue('signerName', m.secretaryName);
    const title: string | undefined = form.getFieldValue('title');
    if (form.getFieldValue('kind') === 'agreement' && (!title || title.startsWith(`${alliance.name}共建协议`))) {
      form.setFieldValue('title', suggestedTitle('agreement', alliance.name, m.orgName));
    }
  };

  const show = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, summary?: string) => {
    const rest = applyNestedErrors(form, issues, KNOWN);
    const items = rest.filter((m) => m !== summary);
    setProblem(summary || items.length ? { title: summary ?? '请检查以下内容', items, stale: false } : null);
  };

  const submit = async () => {
    setProblem(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const now = normalized(v);
    let save: () => Promise<Versioned<AllianceDocument>>;
    if (creating) {
      const payload: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(now)) if (val !== null && val !== undefined) payload[k] = val;
      const parsed = DocumentCreateSchema.safeParse(payload);
      if (!parsed.success) return show(parsed.error.issues);
      save = () => allianceApi.createDocument(tenant, alliance.id, parsed.data);
    } else {
      const before = normalized(toValues(doc!.value));
      const payload: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(now)) if (k !== 'kind' && val !== undefined && JSON.stringify(val) !== JSON.stringify(before[k])) payload[k] = val;
      if (Object.keys(payload).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = DocumentUpdateSchema.safeParse(payload);
      if (!parsed.success) return show(parsed.error.issues);
      save = () => allianceApi.updateDocument(tenant, alliance.id, doc!.value.id, doc!.etag, parsed.data);
    }
    setSaving(true);
    try {
      const saved = await save();
      message.success(`已保存“${saved.value.title}”`);
      onSaved(saved.value);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) show(serverIssues(err.problem.errors), err.problem.detail);
      else {
        setProblem(problemText(err));
        if (err instanceof ApiError && err.status === 412 && doc) {
          const fresh = await allianceApi.getDocument(tenant, alliance.id, doc.value.id).catch(() => null);
          if (fresh) {
            setDoc(fresh);
            form.setFieldsValue(toValues(fresh.value));
          }
        }
      }
    } finally {
      setSaving(false);
    }
  };

  const d = doc?.value;
  const shownKind = creating ? kind : d?.kind;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={760}
      title={creating ? '新建文书' : (d?.title ?? '文书')}
      destroyOnHidden
      extra={
        <Space>
          {d && (
            // The print view is a page of its own (no sidebar), so the browser prints just the document. Same tab:
            // the session lives in this tab's sessionStorage, which a new tab opened without an opener does not get.
            <Button icon={<PrinterOutlined />} href={printPath(tenant, alliance.id, d.id)} data-testid="document-print">
              打印
            </Button>
          )}
          {editable && (
            <Button type="primary" loading={saving} onClick={submit}>
              保存
            </Button>
          )}
        </Space>
      }
    >
      <Spin spinning={loading}>
        {loadError && <Alert type="error" showIcon title={loadError} />}
        <ProblemAlert problem={problem} />
        {d && (
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }} data-testid="document-meta">
            <Descriptions.Item label="类别">{docKindLabel(d.kind)}</Descriptions.Item>
            <Descriptions.Item label="状态">
              {d.status === 'adopted' ? <Tag color="green">已通过/已签署</Tag> : <Tag>草稿</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="内容指纹（防篡改校验）" span={2}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="document-hash">
                {d.contentHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="创建时间">{formatTime(d.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="更新时间">{formatTime(d.updatedAt)}</Descriptions.Item>
          </Descriptions>
        )}
        {doc && (
          <DocumentOriginal
            tenant={tenant}
            allianceId={alliance.id}
            doc={doc}
            canUpload={alliance.can.editDocuments && alliance.status !== 'dissolved'}
            onUploaded={(saved) => {
              setDoc(saved);
              onChanged();
            }}
          />
        )}
        {d && !editable && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={d.status === 'adopted' ? '该文书已通过或已签署，不能再修改。' : EDITABLE.has(d.kind) ? '您没有修改该文书的权限。' : '批复和决定由审批流程生成，不能修改。'}
          />
        )}
        {(creating || d) && (
          <Form form={form} layout="vertical" name="document-form" disabled={!editable}>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item label="文书类别" name="kind" rules={[{ required: true, message: '请选择文书类别' }]}>
                  {creating ? <Select options={EDITABLE_KIND_OPTIONS} placeholder="请选择" onChange={onKindChange} /> : <Select options={[{ value: d?.kind, label: docKindLabel(d?.kind ?? '') }]} disabled />}
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="日期" name="docDate">
                  <DatePicker format={DATE} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              {(shownKind === 'agreement' || d?.signerOrgId) && (
                <Col span={12}>
                  <Form.Item label="签署单位" name="signerOrgId" rules={shownKind === 'agreement' ? [{ required: true, message: '请选择签署协议的成员单位' }] : []}>
                    <Select options={editable ? pickable : orgOptions} placeholder="成员单位" allowClear onChange={onSignerChange} />
                  </Form.Item>
                </Col>
              )}
              <Col span={12}>
                <Form.Item label="签署人" name="signerName">
                  <Input placeholder="可不填" maxLength={40} />
                </Form.Item>
              </Col>
              {(shownKind === 'work_plan' || d?.year) && (
                <Col span={12}>
                  <Form.Item label="年度" name="year">
                    <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
              <Col span={24}>
                <Form.Item label="状态" name="status" extra="通过或签署后的文书不能再修改">
                  <Radio.Group
                    options={[
                      { value: 'draft', label: '草稿' },
                      { value: 'adopted', label: '已通过/已签署' },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label="正文" name="content" rules={[{ required: true, whitespace: true, message: '请填写正文' }]}>
                  <Input.TextArea rows={14} maxLength={50_000} showCount />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        )}
        {editable && (
          <Space>
            <Button type="primary" loading={saving} onClick={submit}>
              保存文书
            </Button>
            <Button onClick={onClose}>取消</Button>
          </Space>
        )}
      </Spin>
    </Drawer>
  );
}
