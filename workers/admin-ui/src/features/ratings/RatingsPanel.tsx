import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { ASSESSMENT_GRADES, RATER_GROUP_LABELS, RATING_LEVEL_LABELS, RESIDENT_LEVELS, type RaterGroup } from '@ronghe/schema';
import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import { problemText } from '../../lib/problems.ts';
import { formatTime } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { ratingsApi, residentUrl, type AssessmentRatingsView, type IssuedLinksView, type RatingLinkListView, type RatingView } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const GROUP_ORDER: RaterGroup[] = ['committee', 'member', 'resident', 'department', 'member_org'];
const levelLabel = (l: string) => RATING_LEVEL_LABELS[l as keyof typeof RATING_LEVEL_LABELS] ?? '其他';
const GRADE_OPTIONS = ASSESSMENT_GRADES.map((g) => ({ value: g, label: RATING_LEVEL_LABELS[g] }));
const LEVELS_OF = (g: RaterGroup) => (g === 'resident' ? RESIDENT_LEVELS : ASSESSMENT_GRADES);
const LINK_STATUS: Record<string, [string, string]> = { open: ['未使用', 'blue'], used: ['已使用', 'green'], expired: ['已过期', 'default'], revoked: ['已作废', 'red'] };
const avg = (h: number | null) => (h === null ? '—' : (h / 100).toFixed(2));

/**
 * 四评 of one assessment (issue 12; seed 004 三(三)): a tab per rater group
 * with its tally and its ratings (comments included; members and residents
 * unnamed), the committee's and departments' entry forms, the member
 * organizations' answer, and residents' links with QR codes to print.
 * Embedded by the assessment page; also served alone at assessments/:id/ratings.
 */
export function RatingsPanel({ assessmentId }: { assessmentId: string }) {
  const { tenant } = useTenant();
  const [data, setData] = useState<AssessmentRatingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(0);
  const reload = useCallback(() => setChanged((n) => n + 1), []);
  useEffect(() => {
    ratingsApi.list(tenant.slug, assessmentId).then(
      (d) => (setData(d), setError(null)),
      (e) => setError(problemText(e).title),
    );
  }, [tenant.slug, assessmentId, changed]);
  if (error) return <Alert type="warning" showIcon title={error} />;
  if (!data) return null;
  const open = data.status === 'open' && !tenant.readOnly;
  const may = (a: string) => open && tenant.actions.includes(a);
  return (
    <div data-testid="ratings-panel">
      <Typography.Paragraph type="secondary">
        {data.allianceName} · {data.year}年度 · {data.status === 'open' ? '评价进行中' : '已完成评定，不再接受评价'}
      </Typography.Paragraph>
      <Tabs
        items={GROUP_ORDER.map((g) => ({
          key: g,
          label: `${RATER_GROUP_LABELS[g]}（${data.tallies.find((t) => t.group === g)?.count ?? 0}）`,
          children: (
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              <Tally data={data} group={g} />
              {g === 'committee' && may('rating.committee') && <EntryForm assessmentId={assessmentId} group="committee" onDone={reload} />}
              {g === 'department' && may('rating.department') && <EntryForm assessmentId={assessmentId} group="department" onDone={reload} />}
              {g === 'member_org' && may('rating.member_org') && <EntryForm assessmentId={assessmentId} group="member_org" orgs={data.memberOrgs} onDone={reload} />}
              {g === 'resident' && tenant.actions.includes('rating.links') && <ResidentLinks assessmentId={assessmentId} mayIssue={open} onChanged={reload} />}
              <RatingTable rows={data.ratings.filter((r) => r.group === g)} group={g} />
            </Space>
          ),
        }))}
      />
    </div>
  );
}

function Tally({ data, group }: { data: AssessmentRatingsView; group: RaterGroup }) {
  const t = data.tallies.find((x) => x.group === group);
  return (
    <Card size="small">
      <Space size="large" wrap>
        <Statistic title="评价数" value={t?.count ?? 0} />
        <Statistic title="平均分" value={avg(t?.average ?? null)} />
        {LEVELS_OF(group).map((l) => (
          <Statistic key={l} title={levelLabel(l)} value={t?.levels[l] ?? 0} />
        ))}
      </Space>
    </Card>
  );
}

function RatingTable({ rows, group }: { rows: RatingView[]; group: RaterGroup }) {
  const anonymous = group === 'member' || group === 'resident';
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: '暂无评价' }}
      columns={[
        ...(anonymous ? [] : [{ title: '评价人', dataIndex: 'rater', width: 180, render: (v: string | null) => v ?? '—' }]),
        { title: '分数', dataIndex: 'score', width: 70 },
        { title: '等次', dataIndex: 'level', width: 90, render: (v: string) => <Tag>{levelLabel(v)}</Tag> },
        { title: '意见', dataIndex: 'comment', render: (v: string | null) => v ?? '—' },
        { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: number) => formatTime(v) },
      ]}
    />
  );
}

function EntryForm({ assessmentId, group, orgs, onDone }: { assessmentId: string; group: 'committee' | 'department' | 'member_org'; orgs?: Array<{ id: string; name: string }>; onDone: () => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const title = group === 'committee' ? '我的组织评定（每名委员一次）' : group === 'department' ? '录入部门的社会评价（每个部门一次）' : '成员单位评价（每个单位一次）';
  const submit = async (v: { score: number; level: string; comment?: string; department?: string; orgId?: string }) => {
    setBusy(true);
    try {
      await ratingsApi.rate(tenant.slug, assessmentId, { group, score: v.score, level: v.level as never, comment: v.comment || undefined, department: v.department, orgId: v.orgId });
      message.success('评价已记入');
      form.resetFields();
      onDone();
    } catch (e) {
      const p = problemText(e);
      message.error([p.title, ...p.items].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={title}>
      <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
        {group === 'department' && (
          <Form.Item name="department" label="部门" rules={[{ required: true, message: '请填写部门名称' }]}>
            <Input maxLength={60} style={{ width: 180 }} placeholder="如：旗民政局" />
          </Form.Item>
        )}
        {group === 'member_org' && (
          <Form.Item name="orgId" label="成员单位" rules={[{ required: true, message: '请选择成员单位' }]}>
            <Select style={{ width: 220 }} showSearch optionFilterProp="label" options={(orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Form.Item name="score" label="分数" rules={[{ required: true, message: '请填写 0–100 的分数' }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="level" label="等次" rules={[{ required: true, message: '请选择等次' }]}>
          <Select style={{ width: 100 }} options={GRADE_OPTIONS} />
        </Form.Item>
        <Form.Item name="comment" label="意见">
          <Input maxLength={500} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交评价
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function ResidentLinks({ assessmentId, mayIssue, onChanged }: { assessmentId: string; mayIssue: boolean; onChanged: () => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [list, setList] = useState<RatingLinkListView | null>(null);
  const [issued, setIssued] = useState<IssuedLinksView | null>(null);
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    ratingsApi.links(tenant.slug, assessmentId).then(setList, (e) => message.error(problemText(e).title));
  }, [tenant.slug, assessmentId, changed, message]);
  const issue = async (v: { count: number; expiresInDays?: number; label?: string }) => {
    try {
      setIssued(await ratingsApi.issue(tenant.slug, assessmentId, { count: v.count, expiresInDays: v.expiresInDays ?? undefined, label: v.label || undefined }));
      setChanged((n) => n + 1);
      onChanged();
    } catch (e) {
      const p = problemText(e);
      message.error([p.title, ...p.items].join('；'));
    }
  };
  const revokeAll = async () => {
    try {
      const r = await ratingsApi.revoke(tenant.slug, assessmentId);
      message.success(`已作废 ${r.revoked} 个未使用的链接`);
      setChanged((n) => n + 1);
      onChanged();
    } catch (e) {
      message.error(problemText(e).title);
    }
  };
  const s = list?.stats;
  return (
    <Card size="small" title="群众评判链接">
      {s && (
        <Descriptions size="small" column={{ xs: 2, sm: 5 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="已签发">{s.issued}</Descriptions.Item>
          <Descriptions.Item label="已使用">{s.used}</Descriptions.Item>
          <Descriptions.Item label="未使用">{s.open}</Descriptions.Item>
          <Descriptions.Item label="已过期">{s.expired}</Descriptions.Item>
          <Descriptions.Item label="已作废">{s.revoked}</Descriptions.Item>
        </Descriptions>
      )}
      {mayIssue && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Form layout="inline" onFinish={issue} initialValues={{ count: 20, expiresInDays: 30 }}>
            <Form.Item name="count" label="数量" rules={[{ required: true, message: '请填写数量' }]}>
              <InputNumber min={1} max={500} precision={0} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name="expiresInDays" label="有效天数">
              <InputNumber min={1} max={180} precision={0} style={{ width: 80 }} />
            </Form.Item>
            <Form.Item name="label" label="备注">
              <Input maxLength={40} style={{ width: 140 }} placeholder="如：某某社区" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                签发链接
              </Button>
            </Form.Item>
          </Form>
          <Popconfirm title="作废全部未使用的链接？已使用的评价不受影响。" okText="作废" cancelText="取消" onConfirm={revokeAll}>
            <Button danger disabled={!s?.open}>
              作废未使用的链接
            </Button>
          </Popconfirm>
        </Space>
      )}
      {issued && <IssuedSheet issued={issued} onClose={() => setIssued(null)} />}
      {list && (
        <Table
          size="small"
          rowKey="id"
          dataSource={list.links}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: '备注', dataIndex: 'label', render: (v: string | null) => v ?? '—' },
            { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={LINK_STATUS[v]?.[1]}>{LINK_STATUS[v]?.[0] ?? '—'}</Tag> },
            { title: '签发时间', dataIndex: 'createdAt', width: 150, render: (v: number) => formatTime(v) },
            { title: '有效期至', dataIndex: 'expiresAt', width: 150, render: (v: number) => formatTime(v) },
            { title: '使用时间', dataIndex: 'usedAt', width: 150, render: (v: number | null) => formatTime(v) },
          ]}
        />
      )}
    </Card>
  );
}

/** The links just issued, each as a QR code with its number, laid out to print on A4 (the tokens are shown this once). */
function IssuedSheet({ issued, onClose }: { issued: IssuedLinksView; onClose: () => void }) {
  const [svgs, setSvgs] = useState<string[]>([]);
  useEffect(() => {
    Promise.all(issued.links.map((l) => QRCode.toString(residentUrl(l.token), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))).then(setSvgs, () => setSvgs([]));
  }, [issued]);
  return (
    <Card
      size="small"
      type="inner"
      title={`新签发 ${issued.links.length} 个链接（有效期至 ${formatTime(issued.expiresAt)}）`}
      extra={
        <Space>
          <Button onClick={() => window.print()}>打印二维码</Button>
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="二维码只在此处显示一次，请现在打印或分发；每个二维码只能评价一次。" />
      <style>{`@media print { @page { size: A4; margin: 12mm; } body * { visibility: hidden; } .rating-qr-sheet, .rating-qr-sheet * { visibility: visible; } .rating-qr-sheet { position: absolute; left: 0; top: 0; width: 100%; } }`}</style>
      <div className="rating-qr-sheet" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 12 }}>
        {issued.links.map((l, i) => (
          <div key={l.id} style={{ textAlign: 'center', breakInside: 'avoid', border: '1px dashed #ccc', padding: 8 }}>
            <div style={{ width: 140, height: 140, margin: '0 auto' }} dangerouslySetInnerHTML={{ __html: svgs[i] ?? '' }} />
            <div>群众评判 第 {i + 1} 号</div>
            <div style={{ fontSize: 12, color: '#666' }}>微信或手机相机扫码评价</div>
          </div>
        ))}
      </div>
    </Card>
  );
}
