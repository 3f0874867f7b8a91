import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { redApi } from '../../../api/alliance-endpoints.ts';
import { errorText } from '../../../api/client.ts';
import type { RedDistrict, RedRoute } from '../../../api/types.ts';
import { useTenant } from '../../../tenant.tsx';
import { ALLIANCE_STATUS_LABELS, STATUS_COLORS } from '../alliances/labels.ts';
import { DistrictFormModal } from './DistrictFormModal.tsx';
import { RouteChain } from './RouteChain.tsx';
import { RouteFormModal } from './RouteFormModal.tsx';

// 红色风景线 (an ordered chain of neighbouring alliances with a theme) and
// 红色片区 (a cluster of alliances and routes), above single alliances.

type StatusFilter = 'active' | 'archived' | 'all';
const THEME_COLORS: Record<string, string> = { 脱贫攻坚: 'volcano', 乡村振兴: 'green', 产业发展: 'gold', 基层治理: 'blue' };

export default function RedPage() {
  const { tenant, perms } = useTenant();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'districts' ? 'districts' : 'routes';
  const [status, setStatus] = useState<StatusFilter>('active');
  const [routes, setRoutes] = useState<RedRoute[]>([]);
  const [districts, setDistricts] = useState<RedDistrict[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [routeForm, setRouteForm] = useState<{ open: boolean; id?: string }>({ open: false });
  const [districtForm, setDistrictForm] = useState<{ open: boolean; id?: string }>({ open: false });

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const [r, d] = await Promise.all([redApi.routes(tenant.slug, { status }), redApi.districts(tenant.slug, { status })]);
      setRoutes(r);
      setDistricts(d);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [tenant.slug, status]);

  useEffect(() => {
    void load();
  }, [load]);

  const routeById = new Map(routes.map((r) => [r.id, r]));
  const statusFilter = (
    <Select<StatusFilter>
      aria-label="状态"
      value={status}
      onChange={setStatus}
      style={{ width: 110 }}
      options={[
        { value: 'active', label: '使用中' },
        { value: 'archived', label: '已归档' },
        { value: 'all', label: '全部' },
      ]}
    />
  );

  const routesPane = (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        {statusFilter}
        {perms.canManageRed && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRouteForm({ open: true })}>
            新建红色风景线
          </Button>
        )}
      </Space>
      {!loading && routes.length === 0 && <Empty description="暂无红色风景线" />}
      {routes.map((r) => (
        <Card
          key={r.id}
          size="small"
          data-testid="route-card"
          title={
            <Space>
              <span>{r.name}</span>
              <Tag color={THEME_COLORS[r.theme]}>{r.theme}</Tag>
              {r.status === 'archived' && <Tag>已归档</Tag>}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                沿线 {r.stops.length} 个联合体
              </Typography.Text>
            </Space>
          }
          extra={
            perms.canManageRed && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setRouteForm({ open: true, id: r.id })}>
                编辑
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">{r.description}</Typography.Paragraph>
          <RouteChain tenant={tenant.slug} stops={r.stops} />
        </Card>
      ))}
    </Space>
  );

  const districtsPane = (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        {statusFilter}
        {perms.canManageRed && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDistrictForm({ open: true })}>
            新建红色片区
          </Button>
        )}
      </Space>
      {!loading && districts.length === 0 && <Empty description="暂无红色片区" />}
      {districts.map((d) => (
        <Card
          key={d.id}
          size="small"
          data-testid="district-card"
          title={
            <Space>
              <span>{d.name}</span>
              {d.status === 'archived' && <Tag>已归档</Tag>}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {d.alliances.length} 个联合体 · {d.routes.length} 条风景线
              </Typography.Text>
            </Space>
          }
          extra={
            perms.canManageRed && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setDistrictForm({ open: true, id: d.id })}>
                编辑
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">{d.description}</Typography.Paragraph>
          {d.alliances.length > 0 && (
            <div style={{ marginBottom: 12 }}>
              <Typography.Text strong>联合体：</Typography.Text>
              <Space wrap size={[4, 4]}>
                {d.alliances.map((a) => (
                  <Tag key={a.id} color={STATUS_COLORS[a.status]}>
                    <Link to={`/t/${tenant.slug}/alliances/${a.id}`}>{a.name}</Link>（{ALLIANCE_STATUS_LABELS[a.status]}）
                  </Tag>
                ))}
              </Space>
            </div>
          )}
          {d.routes.map((r) => (
            <div key={r.id} style={{ marginBottom: 8 }}>
              <Space style={{ marginBottom: 4 }}>
                <Typography.Text strong>风景线：{r.name}</Typography.Text>
                <Tag color={THEME_COLORS[r.theme]}>{r.theme}</Tag>
              </Space>
              {routeById.get(r.id) && <RouteChain tenant={tenant.slug} stops={routeById.get(r.id)!.stops} />}
            </div>
          ))}
        </Card>
      ))}
    </Space>
  );

  return (
    <Card size="small" title="红色风景线与红色片区">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Spin spinning={loading}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'districts' ? { tab: k } : {}, { replace: true })}
          items={[
            { key: 'routes', label: `红色风景线（${routes.length}）`, children: routesPane },
            { key: 'districts', label: `红色片区（${districts.length}）`, children: districtsPane },
          ]}
        />
      </Spin>
      <RouteFormModal
        tenant={tenant.slug}
        open={routeForm.open}
        routeId={routeForm.id}
        onClose={() => setRouteForm({ open: false })}
        onSaved={() => {
          setRouteForm({ open: false });
          void load();
        }}
      />
      <DistrictFormModal
        tenant={tenant.slug}
        open={districtForm.open}
        districtId={districtForm.id}
        routes={routes}
        onClose={() => setDistrictForm({ open: false })}
        onSaved={() => {
          setDistrictForm({ open: false });
          void load();
        }}
      />
    </Card>
  );
}
