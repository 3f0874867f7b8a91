import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { ReasonBodySchema } from '@ronghe/schema';
import { Alert, App, Button, Descriptions, Drawer, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorText } from '../../api/client.ts';
import type { Versioned } from '../../api/endpoints.ts';
import { resourceApi, type ResourceView } from '../../api/list-endpoints.ts';
import { PromptModal } from '../../lib/PromptModal.tsx';
import { formatTime } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { LOCALITY_LABELS, RESOURCE_STATUS_COLORS, RESOURCE_STATUS_LABELS } from '../needs/labels.ts';
import { ResourceFormModal } from './ResourceFormModal.tsx';
import { dash } from '../../lib/dash.ts';

interface Props {
  resourceId: string | null;
  onClose(): void;
  onChanged(resource: ResourceView): void;
}

const reasonSchema = ReasonBodySchema.shape.reason;

export function availability(r: Pick<ResourceView, 'availableFrom' | 'availableTo'>): string {
  if (!r.availableFrom && !r.availableTo) return '长期';
  return `${r.availableFrom ?? '即日起'} 至 ${r.availableTo ?? '长期'}`;
}

export function ResourceDrawer({ resourceId, onClose, onChanged }: Props) {
  const { tenant } = useTenant();
  const { message } = App.useApp();
  const [resource, setResource] = useState<Versioned<ResourceView> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const reload = useCallback(async (): Promise<Versioned<ResourceView> | undefined> => {
    if (!resourceId) return undefined;
    setLoading(true);
    try {
      const v = await resourceApi.get(tenant.slug, resourceId);
      setResource(v);
      setError(null);
      return v;
    } catch (err) {
      setError(errorText(err));
      return undefined;
    } finally {
      setLoading(false);
    }
  }, [tenant.slug, resourceId]);

  useEffect(() => {
    setResource(null);
    if (resourceId) void reload();
  }, [resourceId, reload]);

  const changed = (v: Versioned<ResourceView>) => {
    setResource(v);
    onChanged(v.value);
  };

  const withdraw = async (values: Record<string, string | undefined>) => {
    if (!resource) return;
    try {
      changed(await resourceApi.withdraw(tenant.slug, resource.value.id, resource.etag, values.reason ?? ''));
      message.success('资源已撤回');
      setWithdrawing(false);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        const fresh = await reload();
        if (fresh) onChanged(fresh.value);
      }
      throw err;
    }
  };

  const r = resource?.value;
  return (
    <Drawer
      open={!!resourceId}
      onClose={onClose}
      size={600}
      title={r ? r.title : '资源详情'}
      data-testid="resource-drawer"
      extra={
        r && (
          <Space>
            <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void reload()} loading={loading} />
            {r.can.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            {r.can.withdraw && (
              <Button danger onClick={() => setWithdrawing(true)}>
                撤回
              </Button>
            )}
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!r && !error && <Spin style={{ width: '100%', marginTop: 60 }} />}
      {r && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={RESOURCE_STATUS_COLORS[r.status]} data-testid="resource-status">
              {RESOURCE_STATUS_LABELS[r.status]}
            </Tag>
            <Tag>{r.kind}</Tag>
            <Typography.Text type="secondary">{r.categoryName}</Typography.Text>
          </Space>
          <div>
            <Progress percent={r.capacity ? Math.round((r.allocatedQty / r.capacity) * 100) : 0} showInfo={false} />
            <Typography.Text type="secondary">
              已对接 {r.allocatedQty} / 可提供 {r.capacity} {r.unit}，剩余 {r.remainingQty} {r.unit}
            </Typography.Text>
          </div>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="党建联合体" span={2}>
              <Link to={`/t/${tenant.slug}/alliances/${r.allianceId}`}>{r.allianceName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="提供单位" span={2}>
              {r.offeringOrgName}
            </Descriptions.Item>
            <Descriptions.Item label="可用期" span={2}>
              {availability(r)}
            </Descriptions.Item>
            <Descriptions.Item label="地点">{dash(r.placeName)}</Descriptions.Item>
            <Descriptions.Item label="网格">{dash(r.gridName)}</Descriptions.Item>
            <Descriptions.Item label="服务范围">{LOCALITY_LABELS[r.scope]}</Descriptions.Item>
            <Descriptions.Item label="服务半径">{r.radiusM ? `${r.radiusM} 米` : '—'}</Descriptions.Item>
            <Descriptions.Item label="地址" span={2}>
              {dash(r.address)}
            </Descriptions.Item>
            {r.lat !== null && (
              <Descriptions.Item label="坐标" span={2}>
                {r.lat}, {r.lng}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="联系人">{dash(r.contactName)}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{dash(r.contactPhone)}</Descriptions.Item>
            <Descriptions.Item label="描述" span={2}>
              {dash(r.description)}
            </Descriptions.Item>
            <Descriptions.Item label="登记时间">{formatTime(r.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="更新时间">{formatTime(r.updatedAt)}</Descriptions.Item>
          </Descriptions>
        </Space>
      )}
      <ResourceFormModal
        open={editing}
        resource={resource ?? undefined}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          changed(saved);
        }}
        onStale={async () => {
          const fresh = await reload();
          if (fresh) onChanged(fresh.value);
          return fresh;
        }}
      />
      <PromptModal
        open={withdrawing}
        title={r ? `撤回资源：${r.title}` : ''}
        okText="撤回"
        danger
        intro="撤回后资源不再参与对接；已对接的数量不受影响。"
        formName="resource-withdraw"
        fields={[{ name: 'reason', label: '原因', kind: 'textarea', required: true, schema: reasonSchema, rows: 3 }]}
        onSubmit={withdraw}
        onClose={() => setWithdrawing(false)}
      />
    </Drawer>
  );
}
