import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { ApiError, errorText } from '../../../api/client.ts';
import type { AllianceMember } from '../../../api/types.ts';
import { STALE_TEXT } from '../../../lib/problems.ts';
import { DRAFTING, INDUSTRIAL_TYPE, percent } from './labels.ts';
import { MemberModal } from './MemberModal.tsx';
import type { TabProps } from './tabProps.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

const dash = (v: string | null | undefined) => v || '—';

export function MembersTab({ tenant, alliance, onChanged, reload }: TabProps) {
  const { message } = useFeedback();
  const a = alliance.value;
  const [target, setTarget] = useState<'add' | AllianceMember | null>(null);
  const drafting = DRAFTING.has(a.status);
  const industrial = a.type === INDUSTRIAL_TYPE;
  const current = a.members.filter((m) => m.current);
  const past = a.members.filter((m) => !m.current);
  // The server says per member row whether this user may edit it (a member's liaison only their own).
  const mayEdit = (m: AllianceMember) => m.canUpdate;
  const signed = new Set(a.documents.filter((d) => d.kind === 'agreement' && d.status === 'adopted' && d.signerOrgId).map((d) => d.signerOrgId));

  const remove = async (m: AllianceMember) => {
    try {
      onChanged(await allianceApi.removeMember(tenant, a.id, alliance.etag, m.id));
      message.success(`已移除“${m.orgName}”`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        message.warning(STALE_TEXT);
        await reload();
      } else message.error(errorText(err));
    }
  };

  const columns: ColumnsType<AllianceMember> = [
    {
      title: '成员党组织',
      dataIndex: 'orgName',
      width: 260,
      render: (name: string, m) => (
        <Space size={4} wrap>
          <span>{name}</span>
          {m.role === 'lead' && <Tag color="red">牵头</Tag>}
          {m.isExternal && (
            <Tooltip title={m.externalRegion ?? undefined}>
              <Tag color="purple">外部</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: '领域', dataIndex: 'orgDomain', width: 100 },
    ...(industrial ? [{ title: '产业化角色', dataIndex: 'consortiumRole', width: 120, render: dash }] : []),
    { title: '书记（具体负责人）', dataIndex: 'secretaryName', width: 130, render: dash },
    { title: '出资比例', dataIndex: 'contributionBp', width: 100, align: 'right', render: (bp: number) => percent(bp) },
    {
      title: '联络员',
      dataIndex: 'liaisonName',
      width: 130,
      render: (name: string | null, m) =>
        name ? (
          <Space size={4}>
            <span>{name}</span>
            {m.liaisonPartyMember ? <Tag color="red">党员</Tag> : <Tag color="warning">非党员</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: '联络员电话', dataIndex: 'liaisonPhone', width: 130, render: dash },
    {
      title: '共建协议',
      key: 'agreement',
      width: 100,
      render: (_, m) => (signed.has(m.orgId) ? <Tag color="green">已签署</Tag> : <Tag>未签署</Tag>),
    },
    { title: '加入日期', dataIndex: 'joinedOn', width: 110, render: dash },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, m) => (
        <Space size={4}>
          {mayEdit(m) && (
            <Button type="link" size="small" onClick={() => setTarget(m)}>
              编辑
            </Button>
          )}
          {a.can.editMembers && drafting && m.role !== 'lead' && (
            <Popconfirm title={`从拟组建名单中移除“${m.orgName}”？`} okText="移除" cancelText="取消" onConfirm={() => remove(m)}>
              <Button type="link" size="small" danger>
                移除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const total = a.contributionTotalBp;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={
          <Space>
            <span>现有成员单位（{current.length} 个）</span>
            {/* The rules accept 100% or no ratios at all (各方筹 by agreement, not by share). */}
            <Typography.Text type={total === 10000 ? 'success' : total === 0 ? 'secondary' : 'warning'} style={{ fontWeight: 'normal' }} data-testid="contribution-total">
              {total === 0 ? '未约定出资比例' : `出资比例合计 ${percent(total)}${total === 10000 ? '' : '（应为 100%）'}`}
            </Typography.Text>
          </Space>
        }
        extra={
          a.can.editMembers &&
          drafting && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('add')}>
              添加成员单位
            </Button>
          )
        }
      >
        {!drafting && a.can.proposeAdjustment && (
          <Typography.Paragraph type="secondary">成员的加入和退出须在“调整”中提出，由上级党(工)委决定。</Typography.Paragraph>
        )}
        <Table<AllianceMember> rowKey="id" size="small" columns={columns} dataSource={current} pagination={false} scroll={{ x: 1300 }} data-testid="member-table" />
      </Card>
      <Card size="small" title={`历史成员单位（${past.length} 个）`}>
        <Table<AllianceMember>
          rowKey="id"
          size="small"
          dataSource={past}
          pagination={false}
          locale={{ emptyText: '没有退出的成员单位' }}
          data-testid="member-history-table"
          columns={[
            { title: '成员党组织', dataIndex: 'orgName', width: 260 },
            { title: '领域', dataIndex: 'orgDomain', width: 100 },
            { title: '加入日期', dataIndex: 'joinedOn', width: 110, render: dash },
            { title: '退出日期', dataIndex: 'leftOn', width: 110, render: dash },
            { title: '状态', key: 'state', width: 90, render: () => <Tag>已退出</Tag> },
            { title: '退出原因', dataIndex: 'leaveReason', render: dash },
          ]}
        />
      </Card>
      <MemberModal
        tenant={tenant}
        alliance={alliance}
        target={target}
        liaisonOnly={!a.can.updateMembers}
        onClose={() => setTarget(null)}
        onSaved={(next) => {
          setTarget(null);
          onChanged(next);
        }}
        onStale={reload}
      />
    </Space>
  );
}
