import { ReasonBodySchema } from '@ronghe/schema';
import { Button, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { resourceApi, type ResourceView } from '../../../api/list-endpoints.ts';
import { dash } from '../../../lib/dash.ts';
import { ItemDrawer, useDrawerItem } from '../../../lib/ItemDrawer.tsx';
import { PromptModal } from '../../../lib/PromptModal.tsx';
import { formatTime } from '../../../lib/time.ts';
import { reloadingOnStale } from '../../../lib/useVersioned.ts';
import { useTenant } from '../../../tenant.tsx';
import { LOCALITY_LABELS, RESOURCE_STATUS_COLORS, RESOURCE_STATUS_LABELS } from '../needs/labels.ts';
import { ResourceFormModal } from './ResourceFormModal.tsx';
import { useFeedback } from '../../../lib/feedback.tsx';
import { availability } from './availability.ts';

interface Props {
  resourceId: string | null;
  onClose(): void;
  onChanged(resource: ResourceView): void;
}

const reasonSchema = ReasonBodySchema.shape.reason;

export function ResourceDrawer({ resourceId, onClose, onChanged }: Props) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const { item: resource, loading, error, reload, changed, refresh } = useDrawerItem(tenant.slug, resourceId, resourceApi.get, onChanged);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const withdraw = async (values: Record<string, string | undefined>) => {
    if (!resource) return;
    changed(await reloadingOnStale(refresh, () => resourceApi.withdraw(tenant.slug, resource.value.id, resource.etag, values.reason ?? '')));
    message.success('资源已撤回');
    setWithdrawing(false);
  };

  const r = resource?.value;
  return (
    <ItemDrawer
      open={!!resourceId}
      onClose={onClose}
      size={600}
      title={r ? r.title : '资源详情'}
      data-testid="resource-drawer"
      loading={loading}
      error={error}
      onReload={() => void reload()}
      onEdit={r?.can.update ? () => setEditing(true) : undefined}
      actions={
        r && (
          <>
            {r.can.withdraw && (
              <Button danger onClick={() => setWithdrawing(true)}>
                撤回
              </Button>
            )}
          </>
        )
      }
      modals={
        <>
          <ResourceFormModal
            open={editing}
            resource={resource ?? undefined}
            onClose={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              changed(saved);
            }}
            onStale={refresh}
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
        </>
      }
    >
      {r && (
        <>
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
        </>
      )}
    </ItemDrawer>
  );
}
