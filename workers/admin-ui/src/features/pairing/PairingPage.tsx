import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, Space, Statistic, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../api/client.ts';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { useLoaded } from '../../lib/useLoaded.ts';
import { pairingApi } from '../../api/pairing-endpoints.ts';
import { hoursText as hours, thisYearShanghai as thisYear, todayShanghai } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { MEMBER_STANDING_LABELS, ORG_STANDING_LABELS, PAIRING_STATUS_LABELS, REPORT_STATUS_LABELS, STANDING_COLORS } from './labels.ts';
import { useFeedback } from '../../lib/feedback.tsx';

// 双报到 (seed 002 (十六), seed 003 双报到结对互动): 达标情况 (the county's two
// tables, the 评先评优 ineligibility, Excel), 单位结对, 党员报到 and 记实档案.

type Compliance = Awaited<ReturnType<typeof pairingApi.compliance>>;
type Named = { id: string; name: string };
const PAGE = 20;
const ORGAN_DOMAINS = ['机关', '事业单位', '国有企业', '非公有制企业', '互联网企业', '学校', '医院', '社会组织'];
const names = (xs: readonly Named[]) => (xs.length ? xs.map((x) => x.name).join('、') : '—');
const dateText = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** A page of one of the 双报到 lists, paged by the server (PAGE rows, the total beside). */
function PagedTable<T extends object>({ page, current, onPage, ...table }: Omit<TableProps<T>, 'dataSource' | 'pagination' | 'size' | 'scroll'> & { page: { items: T[]; total: number } | undefined; current: number; onPage(page: number): void }) {
  return (
    <Table<T>
      size="small"
      scroll={{ x: 'max-content' }}
      {...table}
      dataSource={page?.items ?? []}
      pagination={{ current, pageSize: PAGE, total: page?.total ?? 0, onChange: onPage, showSizeChanger: false }}
    />
  );
}

function CompliancePane({ tenant, mayStandard }: { tenant: string; mayStandard: boolean }) {
  const { message } = useFeedback();
  const [year, setYear] = useState(thisYear());
  const [orgStanding, setOrgStanding] = useState<string>('all');
  const [memberStanding, setMemberStanding] = useState<string>('all');
  const [orgPage, setOrgPage] = useState(1);
  const [memberPage, setMemberPage] = useState(1);
  const [standardOpen, setStandardOpen] = useState(false);
  const load = useCallback(
    () =>
      pairingApi.compliance(tenant, {
        year,
        orgStanding: orgStanding === 'all' ? undefined : orgStanding,
        memberStanding: memberStanding === 'all' ? undefined : memberStanding,
        orgOffset: (orgPage - 1) * PAGE,
        memberOffset: (memberPage - 1) * PAGE,
        limit: PAGE,
      }),
    [tenant, year, orgStanding, memberStanding, orgPage, memberPage],
  );
  const { data, problem, loading, reload } = useLoaded(load);
  const s = data?.summary;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <YearSelect count={5} value={year} onChange={(y) => (setYear(y), setOrgPage(1), setMemberPage(1))} />
        <Button icon={<DownloadOutlined />} onClick={() => void pairingApi.exportCompliance(tenant, year).catch((e) => message.error(errorText(e)))}>
          导出 Excel
        </Button>
        {mayStandard && (
          <Button icon={<SettingOutlined />} onClick={() => setStandardOpen(true)}>
            年度标准
          </Button>
        )}
      </Space>
      <ProblemAlert problem={problem} />
      {data && (
        <Typography.Text type="secondary">
          {year} 年标准：每名在职党员服务不少于 {data.standard.memberMinRecords} 次、累计 {hours(data.standard.memberMinMinutes)}；每个单位党员服务合计不少于 {data.standard.orgMinRecords} 次
          {data.standard.isSet ? '' : '（默认标准）'}。未结对或未达标的单位取消当年评先评优资格。
        </Typography.Text>
      )}
      <Space wrap size="large">
        <Statistic title="应结对单位" value={s?.orgs ?? 0} />
        <Statistic title="未结对单位" value={s?.orgsUnpaired ?? 0} />
        <Statistic title="取消评先评优资格" value={s?.orgsIneligible ?? 0} />
        <Statistic title="在职党员" value={s?.members ?? 0} />
        <Statistic title="未报到党员" value={s?.membersUnreported ?? 0} />
        <Statistic title="未达标党员" value={s?.membersShort ?? 0} />
      </Space>
      <Card size="small" title="单位报到情况" extra={
        <Segmented value={orgStanding} onChange={(v) => (setOrgStanding(String(v)), setOrgPage(1))} options={[{ value: 'all', label: '全部' }, ...Object.entries(ORG_STANDING_LABELS).map(([value, label]) => ({ value, label }))]} />
      }>
        <PagedTable
          rowKey={(r) => r.org.id}
          loading={loading}
          page={data?.orgs}
          current={orgPage}
          onPage={setOrgPage}
          columns={[
            { title: '党组织', render: (_, r) => r.org.name },
            { title: '领域', dataIndex: 'domain' },
            { title: '结对社区', render: (_, r) => names(r.communities) },
            { title: '服务次数', dataIndex: 'records' },
            { title: '达标情况', render: (_, r) => <Tag color={STANDING_COLORS[r.standing]}>{ORG_STANDING_LABELS[r.standing]}</Tag> },
            { title: '评先评优资格', render: (_, r) => (r.eligible ? <Tag color="green">具备</Tag> : <Tag color="red">取消</Tag>) },
          ]}
        />
      </Card>
      <Card size="small" title="在职党员报到情况" extra={
        <Segmented value={memberStanding} onChange={(v) => (setMemberStanding(String(v)), setMemberPage(1))} options={[{ value: 'all', label: '全部' }, ...Object.entries(MEMBER_STANDING_LABELS).map(([value, label]) => ({ value, label }))]} />
      }>
        <PagedTable
          rowKey={(r) => r.person.id}
          loading={loading}
          page={data?.members}
          current={memberPage}
          onPage={setMemberPage}
          columns={[
            { title: '姓名', render: (_, r) => r.person.name },
            { title: '所在党组织', render: (_, r) => r.homeOrg?.name ?? '—' },
            { title: '报到社区', render: (_, r) => names(r.communities) },
            { title: '服务次数', dataIndex: 'records' },
            { title: '服务时长', render: (_, r) => hours(r.minutes) },
            { title: '达标情况', render: (_, r) => <Tag color={STANDING_COLORS[r.standing]}>{MEMBER_STANDING_LABELS[r.standing]}</Tag> },
          ]}
        />
      </Card>
      {standardOpen && data && <StandardModal tenant={tenant} year={year} current={data.standard} onClose={(saved) => (setStandardOpen(false), saved && void reload())} />}
    </Space>
  );
}

function StandardModal({ tenant, year, current, onClose }: { tenant: string; year: number; current: Compliance['standard']; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await pairingApi.setStandard(tenant, year, { memberMinRecords: v.memberMinRecords, memberMinMinutes: Math.round(v.memberMinHours * 60), orgMinRecords: v.orgMinRecords });
      onClose(true);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Modal open title={`${year} 年双报到达标标准`} okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => onClose(false)}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ memberMinRecords: current.memberMinRecords, memberMinHours: current.memberMinMinutes / 60, orgMinRecords: current.orgMinRecords }}>
        <Form.Item name="memberMinRecords" label="每名在职党员年度最少服务次数" rules={[{ required: true, message: '请填写次数' }]}>
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="memberMinHours" label="每名在职党员年度最少服务时长（小时）" rules={[{ required: true, message: '请填写时长' }]}>
          <InputNumber min={0} max={8760} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orgMinRecords" label="每个单位年度党员服务合计最少次数" rules={[{ required: true, message: '请填写次数' }]}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PairingsPane({ tenant, mayManage }: { tenant: string; mayManage: boolean }) {
  const { message, modal } = useFeedback();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string>('active');
  const [open, setOpen] = useState(false);
  const load = useCallback(() => pairingApi.pairings(tenant, { status: status === 'all' ? undefined : status, offset: (page - 1) * PAGE, limit: PAGE }), [tenant, status, page]);
  const { data, problem, loading, reload } = useLoaded(load);
  const end = (r: { id: string; version: number; org: Named; community: Named }) =>
    modal.confirm({
      title: `结束“${r.org.name}”与“${r.community.name}”的结对？`,
      okText: '结束结对',
      cancelText: '取消',
      onOk: async () => {
        try {
          await pairingApi.updatePairing(tenant, r.id, r.version, { endedOn: todayShanghai() });
          void reload();
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select aria-label="状态" value={status} onChange={(v) => (setStatus(v), setPage(1))} style={{ width: 110 }} options={[{ value: 'active', label: '结对中' }, { value: 'ended', label: '已结束' }, { value: 'all', label: '全部' }]} />
        {mayManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记结对
          </Button>
        )}
      </Space>
      <ProblemAlert problem={problem} />
      <PagedTable
        rowKey="id"
        loading={loading}
        page={data ?? undefined}
        current={page}
        onPage={setPage}
        columns={[
          { title: '报到单位', render: (_, r) => r.org.name },
          { title: '结对社区', render: (_, r) => r.community.name },
          { title: '结对日期', dataIndex: 'pairedOn' },
          { title: '联系人', render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '—' },
          { title: '共建协议', render: (_, r) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 320, margin: 0 }}>{r.agreement || '—'}</Typography.Paragraph> },
          { title: '状态', render: (_, r) => <Tag color={r.status === 'active' ? 'green' : 'default'}>{PAIRING_STATUS_LABELS[r.status]}</Tag> },
          ...(mayManage ? [{ title: '操作', key: 'op', render: (_: unknown, r: NonNullable<typeof data>['items'][number]) => r.status === 'active' && <Button size="small" onClick={() => end(r)}>结束</Button> }] : []),
        ]}
      />
      {open && <PairingFormModal tenant={tenant} onClose={(saved) => (setOpen(false), saved && void reload())} />}
    </Space>
  );
}

function PairingFormModal({ tenant, onClose }: { tenant: string; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await pairingApi.createPairing(tenant, {
        orgId: v.orgId,
        communityOrgId: v.communityOrgId,
        pairedOn: dateText(v.pairedOn)!,
        agreement: v.agreement ?? '',
        contactName: v.contactName || null,
        contactPhone: v.contactPhone || null,
      });
      onClose(true);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Modal open title="登记单位与社区结对" okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => onClose(false)}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="报到单位党组织（机关、企事业单位）" rules={[{ required: true, message: '请选择报到单位' }]}>
          <OrgPicker tenant={tenant} domains={ORGAN_DOMAINS} placeholder="输入名称搜索" />
        </Form.Item>
        <Form.Item name="communityOrgId" label="结对社区党组织" rules={[{ required: true, message: '请选择社区' }]}>
          <OrgPicker tenant={tenant} domains={['社区']} placeholder="输入社区名称搜索" />
        </Form.Item>
        <Form.Item name="pairedOn" label="结对日期" rules={[{ required: true, message: '请选择结对日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="agreement" label="共建协议内容">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label="联系人">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input maxLength={20} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function ReportsPane({ tenant, mayManage }: { tenant: string; mayManage: boolean }) {
  const { message } = useFeedback();
  const [page, setPage] = useState(1);
  const [communityOrgId, setCommunity] = useState<string | null>(null);
  const load = useCallback(() => pairingApi.reports(tenant, { communityOrgId: communityOrgId ?? undefined, offset: (page - 1) * PAGE, limit: PAGE }), [tenant, communityOrgId, page]);
  const { data, problem, loading, reload } = useLoaded(load);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <OrgPicker tenant={tenant} domains={['社区']} placeholder="按社区筛选" value={communityOrgId} onChange={(v) => (setCommunity(v), setPage(1))} style={{ width: 280 }} />
      <ProblemAlert problem={problem} />
      <PagedTable
        rowKey="id"
        loading={loading}
        page={data ?? undefined}
        current={page}
        onPage={setPage}
        columns={[
          { title: '党员', render: (_, r) => r.person.name },
          { title: '报到社区', render: (_, r) => r.community.name },
          { title: '报到日期', dataIndex: 'reportedOn' },
          { title: '状态', render: (_, r) => <Tag color={r.status === 'active' ? 'green' : 'default'}>{REPORT_STATUS_LABELS[r.status]}</Tag> },
          ...(mayManage
            ? [{
                title: '操作',
                key: 'op',
                render: (_: unknown, r: NonNullable<typeof data>['items'][number]) =>
                  r.status === 'active' && (
                    <Button size="small" onClick={() => void pairingApi.endReport(tenant, r.id).then(reload, (e) => message.error(errorText(e)))}>
                      结束报到
                    </Button>
                  ),
              }]
            : []),
        ]}
      />
    </Space>
  );
}

function RecordsPane({ tenant, mayRecord }: { tenant: string; mayRecord: boolean }) {
  const [page, setPage] = useState(1);
  const [communityOrgId, setCommunity] = useState<string | null>(null);
  const [year, setYear] = useState(thisYear());
  const [open, setOpen] = useState(false);
  const load = useCallback(() => pairingApi.records(tenant, { communityOrgId: communityOrgId ?? undefined, year, offset: (page - 1) * PAGE, limit: PAGE }), [tenant, communityOrgId, year, page]);
  const { data, problem, loading, reload } = useLoaded(load);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <OrgPicker tenant={tenant} domains={['社区']} placeholder="按社区筛选" value={communityOrgId} onChange={(v) => (setCommunity(v), setPage(1))} style={{ width: 280 }} />
        <YearSelect count={5} value={year} onChange={(y) => (setYear(y), setPage(1))} />
        {mayRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            记实
          </Button>
        )}
      </Space>
      <ProblemAlert problem={problem} />
      <PagedTable
        rowKey="id"
        loading={loading}
        page={data ?? undefined}
        current={page}
        onPage={setPage}
        columns={[
          { title: '服务日期', dataIndex: 'servedOn' },
          { title: '党员', render: (_, r) => r.person.name },
          { title: '社区', render: (_, r) => r.community.name },
          { title: '服务内容', dataIndex: 'content' },
          { title: '时长', render: (_, r) => hours(r.minutes) },
        ]}
      />
      {open && <RecordFormModal tenant={tenant} community={communityOrgId} onClose={(saved) => (setOpen(false), saved && void reload())} />}
    </Space>
  );
}

function RecordFormModal({ tenant, community, onClose }: { tenant: string; community: string | null; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const communityOrgId = Form.useWatch('communityOrgId', form) as string | undefined;
  const [people, setPeople] = useState<Named[]>([]);
  useEffect(() => {
    if (!communityOrgId) return setPeople([]);
    void pairingApi.reports(tenant, { communityOrgId, status: 'active', limit: 100 }).then((p) => setPeople(p.items.map((r) => r.person)), () => setPeople([]));
  }, [tenant, communityOrgId]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await pairingApi.addRecord(tenant, { personId: v.personId, communityOrgId: v.communityOrgId, servedOn: dateText(v.servedOn)!, content: v.content, minutes: Math.round(v.hours * 60) });
      onClose(true);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Modal open title="记实：在职党员服务社区" okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => onClose(false)}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ communityOrgId: community ?? undefined, hours: 2 }}>
        <Form.Item name="communityOrgId" label="社区党组织" rules={[{ required: true, message: '请选择社区' }]}>
          <OrgPicker tenant={tenant} domains={['社区']} placeholder="输入社区名称搜索" />
        </Form.Item>
        <Form.Item name="personId" label="报到党员" rules={[{ required: true, message: '请选择已到本社区报到的党员' }]}>
          <Select showSearch optionFilterProp="label" options={people.map((p) => ({ value: p.id, label: p.name }))} placeholder="先选择社区" />
        </Form.Item>
        <Form.Item name="servedOn" label="服务日期" rules={[{ required: true, message: '请选择服务日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="content" label="服务内容" rules={[{ required: true, min: 2, message: '请填写服务内容（至少 2 个字）' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="hours" label="服务时长（小时）" rules={[{ required: true, message: '请填写时长' }]}>
          <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PairingPage() {
  const { tenant } = useTenant();
  const [params, setParams] = useSearchParams();
  const may = (a: string) => !tenant.readOnly && tenant.actions.includes(a);
  const tab = params.get('tab') ?? 'compliance';
  return (
    <Card title="双报到">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'compliance', label: '达标情况', children: <CompliancePane tenant={tenant.slug} mayStandard={may('pairing.standard')} /> },
          { key: 'pairings', label: '单位结对', children: <PairingsPane tenant={tenant.slug} mayManage={may('pairing.manage')} /> },
          { key: 'reports', label: '党员报到', children: <ReportsPane tenant={tenant.slug} mayManage={may('pairing.manage')} /> },
          { key: 'records', label: '记实档案', children: <RecordsPane tenant={tenant.slug} mayRecord={may('report.record')} /> },
        ]}
      />
    </Card>
  );
}
