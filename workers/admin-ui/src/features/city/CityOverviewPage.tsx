import { DashboardOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { cityApi, type CountySummary } from '../../api/admin-endpoints.ts';
import { errorText } from '../../api/client.ts';
import { useSession } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import { cityAdminTenant } from '../../shared/access.ts';

type NumberKey = Exclude<keyof CountySummary, 'slug' | 'code' | 'name'>;

const COLUMNS: Array<{ key: NumberKey; title: string; hint?: string; explain?: string }> = [
  { key: 'orgCount', title: '组织数', hint: '含已停用' },
  { key: 'activeOrgCount', title: '在用' },
  { key: 'weakCount', title: '软弱涣散' },
  { key: 'standardizedCount', title: '标准化规范化' },
  { key: 'strongestCount', title: '最强党支部', hint: '区级和市级' },
  {
    key: 'memberTotal',
    title: '党员数',
    hint: '末级组织合计',
    explain: '只累加没有下级的组织的党员数：党委的党员数已包含其下各支部，不重复计算',
  },
];

const num = (n: number) => n.toLocaleString('zh-CN');

export default function CityOverviewPage() {
  const { tenant } = useTenant();
  const { tenants } = useSession();
  const navigate = useNavigate();
  const city = cityAdminTenant(tenants);
  const [rows, setRows] = useState<CountySummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const items = await cityApi.overview();
      if (mine !== seq.current) return;
      setRows(items);
      setLoadedAt(new Date());
    } catch (err) {
      if (mine === seq.current) setError(errorText(err));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  const here = !!city && tenant.slug === city.slug;
  useEffect(() => {
    if (here) void load();
  }, [here, load]);

  const totals = useMemo(() => {
    const t = Object.fromEntries(COLUMNS.map((c) => [c.key, 0])) as Record<NumberKey, number>;
    for (const r of rows) for (const c of COLUMNS) t[c.key] += r[c.key];
    return t;
  }, [rows]);

  if (!city) {
    return <Result status="403" title="无权查看全市概况" subTitle="全市概况仅对市委组织部管理员开放。" />;
  }
  // The rollup belongs to the city: under a county's header it would read as that county's figures.
  if (!here) return <Navigate to={`/t/${city.slug}/city`} replace />;

  const columns: ColumnsType<CountySummary> = [
    { title: '旗县区', dataIndex: 'name', width: 140, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    ...COLUMNS.map((c) => ({
      title: c.hint ? (
        <span title={c.explain ?? c.hint}>
          {c.title}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', display: 'block' }}>
            {c.hint}
          </Typography.Text>
        </span>
      ) : (
        c.title
      ),
      dataIndex: c.key,
      width: 125,
      align: 'right' as const,
      sorter: (a: CountySummary, b: CountySummary) => a[c.key] - b[c.key],
      render: (v: number) => num(v),
    })),
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => navigate(`/t/${r.slug}/orgs`)}>
          查看组织
        </Button>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space>
          <span>全市概况</span>
          <Typography.Text type="secondary">
            {rows.length} 个旗县区
            {loadedAt ? `，统计于 ${loadedAt.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}` : ''}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button icon={<DashboardOutlined />} onClick={() => navigate(`/screen/${city.slug}`)} data-testid="open-screen">
            数据大屏
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        title="各项数字为实时统计，除“组织数”外只计在用组织。点击“查看组织”以只读方式打开该旗县区的党组织名录。"
        style={{ marginBottom: 12 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<CountySummary>
        rowKey="slug"
        size="middle"
        bordered
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="city-table"
        summary={() =>
          rows.length > 0 && (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="city-total">
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>全市合计</Typography.Text>
                </Table.Summary.Cell>
                {COLUMNS.map((c, i) => (
                  <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                    <Typography.Text strong>{num(totals[c.key])}</Typography.Text>
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={COLUMNS.length + 1} />
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </Card>
  );
}
