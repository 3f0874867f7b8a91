import { ReloadOutlined } from '@ant-design/icons';
import { ALLIANCE_STATUS_LABELS, ASSESSMENT_GRADE_LABELS, type AllianceStatus, type AssessmentGrade, type CountyDrillDown, type CountyFigures, type CountyRollup, type CityRollup, type RollupAlliance } from '@ronghe/schema';
import { Alert, Button, Card, Drawer, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Navigate } from 'react-router-dom';
import { cityApi } from '../../api/admin-endpoints.ts';
import { errorText } from '../../api/client.ts';
import { useSession } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import { cityAdminTenant } from '../../shared/access.ts';

const num = (n: number) => n.toLocaleString('zh-CN');
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const when = (ms: number | null) => (ms == null ? '尚未统计' : new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
/** As-of in a table cell: month-day hour:minute (the tooltip has the full time). */
const short = (ms: number | null) =>
  ms == null ? '尚未统计' : new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const pair = (a: number, b: number) => `${num(a)} / ${num(b)}`;
const rate = (part: number, whole: number) => (whole ? `${((part * 100) / whole).toFixed(1)}%` : '—');

type Row = { key: string; name: string; county: CountyRollup | null; figures: CountyFigures | null };

/** One column of figures: its title (and what it counts), its cell from the figures. */
const FIGURE_COLUMNS: Array<{ title: string; hint: string; width: number; cell: (f: CountyFigures) => string }> = [
  { title: '组织 在用/软弱涣散', hint: '在用党组织数，其中标记软弱涣散的', width: 90, cell: (f) => pair(f.orgs.active, f.orgs.weak) },
  { title: '联合体/成员单位', hint: '未撤销的党建联合体；运行中联合体的成员单位', width: 90, cell: (f) => pair(f.alliances.total, f.members.memberOrgs) },
  { title: '在职党员/已报到', hint: '在职党员及已向社区报到的', width: 115, cell: (f) => pair(f.members.inService, f.members.reportedMembers) },
  { title: '需求 待对接/已满足', hint: '需求清单', width: 95, cell: (f) => pair(f.needs.open, f.needs.met) },
  { title: '项目 进行中/逾期', hint: '项目清单', width: 90, cell: (f) => pair(f.projects.open, f.projects.overdue) },
  { title: '按期完成率', hint: '已完成项目中按期完成的比例', width: 75, cell: (f) => rate(f.projects.completedOnTime, f.projects.completed) },
  { title: '五个一 达标/应完成', hint: '本年已到期的活动要求中已完成的', width: 100, cell: (f) => pair(f.activities.quotaMet, f.activities.quotaItems) },
  { title: '本年积分', hint: '本年积分总数', width: 80, cell: (f) => num(f.points.total) },
  { title: '奖补已拨付（元）', hint: '以奖代补已拨付金额', width: 110, cell: (f) => yuan(f.rewards.disbursedFen) },
  { title: '备案 市级已签收/收到', hint: '报市委组织部的备案', width: 95, cell: (f) => pair(f.filings.acknowledgedByCity, f.filings.received) },
];

const gradeLabel = (g: string | null) => (g ? (ASSESSMENT_GRADE_LABELS[g as AssessmentGrade] ?? '—') : '—');

function DrillDown({ slug, onClose }: { slug: string | null; onClose: () => void }) {
  const [data, setData] = useState<CountyDrillDown | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!slug) return;
    setData(null);
    setError(null);
    cityApi.drillDown(slug).then(setData, (err: unknown) => setError(errorText(err)));
  }, [slug]);
  const columns: ColumnsType<RollupAlliance> = [
    { title: '党建联合体', dataIndex: 'name', width: 200 },
    { title: '类型', dataIndex: 'type', width: 160 },
    { title: '模式', dataIndex: 'model', width: 130 },
    { title: '状态', dataIndex: 'status', width: 70, render: (s: string) => ALLIANCE_STATUS_LABELS[s as AllianceStatus] ?? '—' },
    { title: '成员单位', dataIndex: 'memberOrgs', width: 70, align: 'right' },
    { title: '需求 待对接/已满足', key: 'needs', width: 95, align: 'right', render: (_, a) => pair(a.needsOpen, a.needsMet) },
    { title: '项目 进行中/已完成', key: 'projects', width: 95, align: 'right', render: (_, a) => pair(a.projectsOpen, a.projectsCompleted) },
    { title: '最近考核等次', dataIndex: 'grade', width: 80, render: gradeLabel },
  ];
  return (
    <Drawer open={!!slug} onClose={onClose} width={1000} title={data ? `${data.county.name} · 党建联合体概况` : '党建联合体概况'} data-testid="rollup-drill">
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">
            数据截至 {when(data.county.asOf)}
            {data.county.stale && <Tag color="warning" style={{ marginLeft: 8 }}>数据过期（自 {when(data.county.staleSince)} 起刷新失败）</Tag>}
          </Typography.Paragraph>
          <Table<RollupAlliance> rowKey="id" size="small" bordered columns={columns} dataSource={data.alliances} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        </>
      )}
    </Drawer>
  );
}

/** 全市汇总 (issue 13): each county's stored figures with their as-of time and stale mark, the city's sums, and a drill-down to the alliances. */
export default function CityRollupPage() {
  const { tenant } = useTenant();
  const { tenants } = useSession();
  const city = cityAdminTenant(tenants);
  const [data, setData] = useState<CityRollup | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const seq = useRef(0);
  const here = !!city && tenant.slug === city.slug;

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const r = await cityApi.rollup();
      if (mine === seq.current) setData(r);
    } catch (err) {
      if (mine === seq.current) setError(errorText(err));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);
  useEffect(() => {
    if (here) void load();
  }, [here, load]);

  if (!city) return <Result status="403" title="无权查看全市汇总" subTitle="全市汇总仅对市委组织部管理员开放。" />;
  if (!here) return <Navigate to={`/t/${city.slug}/city/rollup`} replace />;

  const rows: Row[] = (data?.counties ?? []).map((c) => ({ key: c.slug, name: c.name, county: c, figures: c.figures }));
  const columns: ColumnsType<Row> = [
    {
      title: '旗县区',
      dataIndex: 'name',
      width: 100,
      render: (v: string, r) => (
        <Tooltip title="查看该旗县区的党建联合体概况">
          <Typography.Link strong onClick={() => setDrill(r.key)}>
            {v}
          </Typography.Link>
        </Tooltip>
      ),
    },
    {
      title: '数据截至',
      key: 'asOf',
      width: 105,
      render: (_, r) =>
        r.county && (
          <Space orientation="vertical" size={0}>
            <Tooltip title={when(r.county.asOf)}>
              <span>{short(r.county.asOf)}</span>
            </Tooltip>
            {r.county.stale && (
              <Tooltip title={`自 ${when(r.county.staleSince)} 起刷新失败，显示的是最后一次成功统计的数字`}>
                <Tag color="warning" data-testid="stale-tag">
                  数据过期
                </Tag>
              </Tooltip>
            )}
          </Space>
        ),
    },
    ...FIGURE_COLUMNS.map((c) => ({
      title: <span title={c.hint}>{c.title}</span>,
      key: c.title,
      width: c.width,
      align: 'right' as const,
      render: (_: unknown, r: Row) => (r.figures ? c.cell(r.figures) : <Typography.Text type="secondary">—</Typography.Text>),
    })),
  ];

  return (
    <Card
      size="small"
      title={
        <Space>
          <span>全市汇总</span>
          <Typography.Text type="secondary">{data ? `${data.counties.length} 个旗县区，全部数字至少截至 ${when(data.asOf)}` : ''}</Typography.Text>
        </Space>
      }
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        title="各旗县区的数字随业务变化自动更新，每日全量复核一次；刷新失败的旗县区标记为“数据过期”并保留最后一次成功的数字。点击旗县区名称查看其党建联合体概况。本页只读，不含个人信息。"
        style={{ marginBottom: 12 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        data-testid="rollup-table"
        summary={() =>
          data && (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="rollup-total">
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>全市合计</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{short(data.asOf)}</Table.Summary.Cell>
                {FIGURE_COLUMNS.map((c, i) => (
                  <Table.Summary.Cell key={c.title} index={i + 2} align="right">
                    <Typography.Text strong>{c.cell(data.city)}</Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
      <DrillDown slug={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}
