import { Alert, Button, Descriptions, Drawer, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../api/client.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { Organization } from '../../api/types.ts';
import { dash } from '../../lib/dash.ts';
import { formatTime } from '../../lib/time.ts';
import { QUALITY_COLORS, STATUS_LABELS } from '../../shared/orgLabels.ts';

interface Props {
  tenant: string;
  orgId: string | null;
  /** Bumped by the page after a change so the drawer shows the saved state. */
  reloadKey: number;
  canUpdate: boolean;
  canDeactivate: boolean;
  onClose(): void;
  onEdit(org: Organization): void;
  onDeactivate(org: Organization): void;
  onReactivate(org: Organization): void;
}

export function OrgDetailDrawer({ tenant, orgId, reloadKey, canUpdate, canDeactivate, onClose, onEdit, onDeactivate, onReactivate }: Props) {
  const [org, setOrg] = useState<Organization | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!orgId) return;
    let alive = true;
    setLoading(true);
    setError(null);
    orgApi
      .get(tenant, orgId)
      .then((v) => alive && setOrg(v.value))
      .catch((err) => alive && setError(errorText(err)))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [tenant, orgId, reloadKey]);

  const shown = org && org.id === orgId ? org : null;
  return (
    <Drawer
      open={orgId !== null}
      onClose={onClose}
      size={640}
      title={shown?.name ?? '党组织详情'}
      destroyOnHidden
      extra={
        shown && (
          <Space>
            {canUpdate && shown.can.update && shown.status === 'active' && (
              <Button type="primary" onClick={() => onEdit(shown)}>
                编辑
              </Button>
            )}
            {canDeactivate &&
              shown.can.deactivate &&
              (shown.status === 'active' ? (
                <Button danger onClick={() => onDeactivate(shown)}>
                  停用
                </Button>
              ) : (
                <Button onClick={() => onReactivate(shown)}>启用</Button>
              ))}
          </Space>
        )
      }
    >
      <Spin spinning={loading}>
        {error && <Alert type="error" showIcon title={error} />}
        {shown && (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            {shown.status === 'inactive' && (
              <Alert
                type="warning"
                showIcon
                title={`该组织已于 ${formatTime(shown.deactivatedAt)} 停用`}
                description={shown.deactivationReason ? `停用原因：${shown.deactivationReason}` : undefined}
              />
            )}
            <Descriptions column={2} bordered size="small" data-testid="org-detail">
              <Descriptions.Item label="组织名称" span={2}>
                {shown.name}
              </Descriptions.Item>
              <Descriptions.Item label="组织类别">{shown.kind}</Descriptions.Item>
              <Descriptions.Item label="所属领域">{shown.domain}</Descriptions.Item>
              <Descriptions.Item label="上级党组织" span={2}>
                {dash(shown.parentName)}
              </Descriptions.Item>
              <Descriptions.Item label="行政区划代码">{dash(shown.divisionCode)}</Descriptions.Item>
              <Descriptions.Item label="外部成员单位">
                {shown.isExternal ? `是（${shown.externalRegion ?? '地区未填'}）` : '否'}
              </Descriptions.Item>
              <Descriptions.Item label="书记">{dash(shown.secretaryName)}</Descriptions.Item>
              <Descriptions.Item label="书记电话">{dash(shown.secretaryPhone)}</Descriptions.Item>
              <Descriptions.Item label="联络员">{dash(shown.liaisonName)}</Descriptions.Item>
              <Descriptions.Item label="联络员电话">{dash(shown.liaisonPhone)}</Descriptions.Item>
              <Descriptions.Item label="党员人数">{shown.memberCount}</Descriptions.Item>
              <Descriptions.Item label="下级组织数">{shown.childCount}</Descriptions.Item>
              <Descriptions.Item label="达标状态">
                <Tag color={QUALITY_COLORS[shown.qualityStatus]}>{shown.qualityStatus}</Tag>
              </Descriptions.Item>
              {/* Seed 004: a designation above 未达标 carries the year and the body that designated it. */}
              {shown.qualityYear !== null && <Descriptions.Item label="评定年度">{shown.qualityYear} 年</Descriptions.Item>}
              {shown.qualityDesignatedBy && <Descriptions.Item label="评定单位">{shown.qualityDesignatedBy}</Descriptions.Item>}
              <Descriptions.Item label="软弱涣散">{shown.weakFlag ? <Tag color="volcano">软弱涣散</Tag> : '否'}</Descriptions.Item>
              <Descriptions.Item label="状态">
                {shown.status === 'active' ? <Tag color="green">{STATUS_LABELS.active}</Tag> : <Tag>{STATUS_LABELS.inactive}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="创建时间">{formatTime(shown.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="更新时间">{formatTime(shown.updatedAt)}</Descriptions.Item>
            </Descriptions>
            {shown.phonesMasked && <Alert type="info" showIcon title="电话号码已脱敏显示：您的角色无权查看完整号码。" />}
          </Space>
        )}
      </Spin>
    </Drawer>
  );
}
