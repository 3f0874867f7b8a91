import { DownloadOutlined, DownOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useCallback, useState, type Key } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../api/client.ts';
import { pairingApi } from '../../api/pairing-endpoints.ts';
import { antIsland } from '../../lib/ant-island.tsx';
import { useFeedback } from '../../lib/feedback.tsx';
import { lazyWhenOpen } from '../../lib/lazy-when-open.tsx';
import { hoursText as hours, thisYearShanghai as thisYear, todayShanghai } from '../../lib/time.ts';
import { useLoaded } from '../../lib/useLoaded.ts';
import { Button } from '../../light/Button.tsx';
import { Card } from '../../light/Card.tsx';
import { cx, THEME_CLASS } from '../../light/cx.ts';
import { Segmented } from '../../light/Segmented.tsx';
import { Space } from '../../light/Space.tsx';
import { Statistic } from '../../light/Statistic.tsx';
import { Table, type Column } from '../../light/Table.tsx';
import { Tabs } from '../../light/Tabs.tsx';
import { Tag } from '../../light/Tag.tsx';
import { Text } from '../../light/Typography.tsx';
import { useTenant } from '../../tenant.tsx';
import { MEMBER_STANDING_LABELS, ORG_STANDING_LABELS, PAIRING_STATUS_LABELS, REPORT_STATUS_LABELS, STANDING_COLORS } from './labels.ts';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';

// 双报到 (seed 002 (十六), seed 003 双报到结对互动): 达标情况 (the county's two
// tables, the 评先评优 ineligibility, Excel), 单位结对, 党员报到 and 记实档案.
//
// The page draws without antd (src/light/, docs/adr/0031): the year, status and community pickers and
// the pagers are antd islands that load once the page is on screen; the forms load when first opened.
const YearSelect = antIsland(() => import('../../lib/YearSelect.tsx').then((m) => m.YearSelect));
const CommunityPicker = antIsland(() => import('./CommunityFilter.tsx').then((m) => m.CommunityFilter));
const PairingStatusSelect = antIsland(() => import('./PairingStatusSelect.tsx').then((m) => m.PairingStatusSelect));
const TablePager = antIsland(() => import('../../lib/TablePager.tsx').then((m) => m.TablePager));
// Each form is drawn only while open, so each opening starts blank.
const StandardModal = lazyWhenOpen(() => import('./PairingForms.tsx').then((m) => m.StandardModal), () => true);
const PairingFormModal = lazyWhenOpen(() => import('./PairingForms.tsx').then((m) => m.PairingFormModal), () => true);
const RecordFormModal = lazyWhenOpen(() => import('./PairingForms.tsx').then((m) => m.RecordFormModal), () => true);

type Named = { id: string; name: string };
const PAGE = 20;
const names = (xs: readonly Named[]) => (xs.length ? xs.map((x) => x.name).join('、') : '—');
const STATUS_FILTER_TEXT: Record<string, string> = { active: '结对中', ended: '已结束', all: '全部' };

/** A picker as antd's Select draws it (its value, else its placeholder), until its island has loaded: nothing moves when it arrives. */
function SelectLook({ width, value, placeholder, search }: { width: number; value?: string; placeholder?: string; search?: boolean }) {
  return (
    <div className={cx('ant-select ant-select-outlined', THEME_CLASS, 'ant-select-css-var ant-select-single ant-select-show-arrow', search && 'ant-select-show-search')} style={{ width }}>
      {value !== undefined ? (
        <div className="ant-select-content ant-select-content-has-value" title={value}>
          {value}
        </div>
      ) : (
        <div className="ant-select-content">
          <div className="ant-select-placeholder">{placeholder}</div>
        </div>
      )}
      <div className="ant-select-suffix">
        <DownOutlined />
      </div>
    </div>
  );
}

/** 按社区筛选, drawn as an empty picker until its island has loaded. */
function CommunityFilter(props: { tenant: string; value: string | null; onChange(value: string | null): void }) {
  return <CommunityPicker {...props} placeholder={<SelectLook width={280} placeholder="按社区筛选" search />} />;
}

/** A page of one of the 双报到 lists, paged by the server (PAGE rows, the total beside). */
function PagedTable<T extends object>({
  page,
  current,
  onPage,
  loading,
  columns,
  rowKey,
}: {
  page: { items: T[]; total: number } | undefined;
  current: number;
  onPage(page: number): void;
  loading: boolean;
  columns: readonly Column<T>[];
  rowKey: (keyof T & string) | ((row: T) => Key);
}) {
  const total = page?.total ?? 0;
  return (
    <div>
      {/* antd's scroll={{ x: 'max-content' }}: the table scrolls sideways inside its card when it does not fit. */}
      <Table<T> size="small" minWidth="max-content" rowKey={rowKey} loading={loading} columns={columns} rows={page?.items ?? []} />
      {/* antd's table shows no pager while it has nothing to count. */}
      {total > 0 && <TablePager small current={current} pageSize={PAGE} total={total} onChange={onPage} placeholder={<div style={{ height: 56 }} />} />}
    </div>
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
  type OrgRow = NonNullable<typeof data>['orgs']['items'][number];
  type MemberRow = NonNullable<typeof data>['members']['items'][number];
  const orgColumns: Column<OrgRow>[] = [
    { title: '党组织', render: (_, r) => r.org.name },
    { title: '领域', dataIndex: 'domain' },
    { title: '结对社区', render: (_, r) => names(r.communities) },
    { title: '服务次数', dataIndex: 'records' },
    { title: '达标情况', render: (_, r) => <Tag color={STANDING_COLORS[r.standing]}>{ORG_STANDING_LABELS[r.standing]}</Tag> },
    { title: '评先评优资格', render: (_, r) => (r.eligible ? <Tag color="green">具备</Tag> : <Tag color="red">取消</Tag>) },
  ];
  const memberColumns: Column<MemberRow>[] = [
    { title: '姓名', render: (_, r) => r.person.name },
    { title: '所在党组织', render: (_, r) => r.homeOrg?.name ?? '—' },
    { title: '报到社区', render: (_, r) => names(r.communities) },
    { title: '服务次数', dataIndex: 'records' },
    { title: '服务时长', render: (_, r) => hours(r.minutes) },
    { title: '达标情况', render: (_, r) => <Tag color={STANDING_COLORS[r.standing]}>{MEMBER_STANDING_LABELS[r.standing]}</Tag> },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <YearSelect count={5} value={year} onChange={(y) => (setYear(y), setOrgPage(1), setMemberPage(1))} placeholder={<SelectLook width={110} value={`${year} 年`} />} />
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
        <Text type="secondary">
          {year} 年标准：每名在职党员服务不少于 {data.standard.memberMinRecords} 次、累计 {hours(data.standard.memberMinMinutes)}；每个单位党员服务合计不少于 {data.standard.orgMinRecords} 次
          {data.standard.isSet ? '' : '（默认标准）'}。未结对或未达标的单位取消当年评先评优资格。
        </Text>
      )}
      <Space wrap size="large">
        <Statistic title="应结对单位" value={s?.orgs ?? 0} />
        <Statistic title="未结对单位" value={s?.orgsUnpaired ?? 0} />
        <Statistic title="取消评先评优资格" value={s?.orgsIneligible ?? 0} />
        <Statistic title="在职党员" value={s?.members ?? 0} />
        <Statistic title="未报到党员" value={s?.membersUnreported ?? 0} />
        <Statistic title="未达标党员" value={s?.membersShort ?? 0} />
      </Space>
      <Card
        size="small"
        title="单位报到情况"
        extra={
          <Segmented
            value={orgStanding}
            onChange={(v) => (setOrgStanding(v), setOrgPage(1))}
            options={[{ value: 'all', label: '全部' }, ...Object.entries(ORG_STANDING_LABELS).map(([value, label]) => ({ value, label }))]}
          />
        }
      >
        <PagedTable rowKey={(r) => r.org.id} loading={loading} page={data?.orgs} current={orgPage} onPage={setOrgPage} columns={orgColumns} />
      </Card>
      <Card
        size="small"
        title="在职党员报到情况"
        extra={
          <Segmented
            value={memberStanding}
            onChange={(v) => (setMemberStanding(v), setMemberPage(1))}
            options={[{ value: 'all', label: '全部' }, ...Object.entries(MEMBER_STANDING_LABELS).map(([value, label]) => ({ value, label }))]}
          />
        }
      >
        <PagedTable rowKey={(r) => r.person.id} loading={loading} page={data?.members} current={memberPage} onPage={setMemberPage} columns={memberColumns} />
      </Card>
      {standardOpen && data && <StandardModal tenant={tenant} year={year} current={data.standard} onClose={(saved) => (setStandardOpen(false), saved && void reload())} />}
    </Space>
  );
}

function PairingsPane({ tenant, mayManage }: { tenant: string; mayManage: boolean }) {
  const { message, modal } = useFeedback();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string>('active');
  const [open, setOpen] = useState(false);
  const load = useCallback(() => pairingApi.pairings(tenant, { status: status === 'all' ? undefined : status, offset: (page - 1) * PAGE, limit: PAGE }), [tenant, status, page]);
  const { data, problem, loading, reload } = useLoaded(load);
  type Row = NonNullable<typeof data>['items'][number];
  const end = (r: Row) =>
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
  const columns: Column<Row>[] = [
    { title: '报到单位', render: (_, r) => r.org.name },
    { title: '结对社区', render: (_, r) => r.community.name },
    { title: '结对日期', dataIndex: 'pairedOn' },
    { title: '联系人', render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '—' },
    {
      title: '共建协议',
      render: (_, r) => (
        // antd's Typography.Paragraph with ellipsis={{ rows: 2 }}: two lines, then … (CSS line clamp).
        <div className={cx('ant-typography ant-typography-ellipsis ant-typography-ellipsis-multiple-line', THEME_CLASS)} style={{ WebkitLineClamp: 2, maxWidth: 320, margin: 0 }}>
          {r.agreement || '—'}
        </div>
      ),
    },
    { title: '状态', render: (_, r) => <Tag color={r.status === 'active' ? 'green' : 'default'}>{PAIRING_STATUS_LABELS[r.status]}</Tag> },
    ...(mayManage
      ? [
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r: Row) =>
              r.status === 'active' && (
                <Button size="small" onClick={() => end(r)}>
                  结束
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <PairingStatusSelect value={status} onChange={(v) => (setStatus(v), setPage(1))} placeholder={<SelectLook width={110} value={STATUS_FILTER_TEXT[status]} />} />
        {mayManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记结对
          </Button>
        )}
      </Space>
      <ProblemAlert problem={problem} />
      <PagedTable rowKey="id" loading={loading} page={data ?? undefined} current={page} onPage={setPage} columns={columns} />
      {open && <PairingFormModal tenant={tenant} onClose={(saved) => (setOpen(false), saved && void reload())} />}
    </Space>
  );
}

function ReportsPane({ tenant, mayManage }: { tenant: string; mayManage: boolean }) {
  const { message } = useFeedback();
  const [page, setPage] = useState(1);
  const [communityOrgId, setCommunity] = useState<string | null>(null);
  const load = useCallback(() => pairingApi.reports(tenant, { communityOrgId: communityOrgId ?? undefined, offset: (page - 1) * PAGE, limit: PAGE }), [tenant, communityOrgId, page]);
  const { data, problem, loading, reload } = useLoaded(load);
  type Row = NonNullable<typeof data>['items'][number];
  const columns: Column<Row>[] = [
    { title: '党员', render: (_, r) => r.person.name },
    { title: '报到社区', render: (_, r) => r.community.name },
    { title: '报到日期', dataIndex: 'reportedOn' },
    { title: '状态', render: (_, r) => <Tag color={r.status === 'active' ? 'green' : 'default'}>{REPORT_STATUS_LABELS[r.status]}</Tag> },
    ...(mayManage
      ? [
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r: Row) =>
              r.status === 'active' && (
                <Button size="small" onClick={() => void pairingApi.endReport(tenant, r.id).then(reload, (e) => message.error(errorText(e)))}>
                  结束报到
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <CommunityFilter tenant={tenant} value={communityOrgId} onChange={(v) => (setCommunity(v), setPage(1))} />
      <ProblemAlert problem={problem} />
      <PagedTable rowKey="id" loading={loading} page={data ?? undefined} current={page} onPage={setPage} columns={columns} />
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
  type Row = NonNullable<typeof data>['items'][number];
  const columns: Column<Row>[] = [
    { title: '服务日期', dataIndex: 'servedOn' },
    { title: '党员', render: (_, r) => r.person.name },
    { title: '社区', render: (_, r) => r.community.name },
    { title: '服务内容', dataIndex: 'content' },
    { title: '时长', render: (_, r) => hours(r.minutes) },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <CommunityFilter tenant={tenant} value={communityOrgId} onChange={(v) => (setCommunity(v), setPage(1))} />
        <YearSelect count={5} value={year} onChange={(y) => (setYear(y), setPage(1))} placeholder={<SelectLook width={110} value={`${year} 年`} />} />
        {mayRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            记实
          </Button>
        )}
      </Space>
      <ProblemAlert problem={problem} />
      <PagedTable rowKey="id" loading={loading} page={data ?? undefined} current={page} onPage={setPage} columns={columns} />
      {open && <RecordFormModal tenant={tenant} community={communityOrgId} onClose={(saved) => (setOpen(false), saved && void reload())} />}
    </Space>
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
