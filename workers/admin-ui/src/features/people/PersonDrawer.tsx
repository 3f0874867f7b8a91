import { DisconnectOutlined, EditOutlined, LinkOutlined, LogoutOutlined } from '@ant-design/icons';
import { PersonLeaveSchema } from '@ronghe/schema';
import { Alert, Button, Descriptions, Drawer, Popconfirm, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../api/client.ts';
import { peopleApi, type PersonView } from '../../api/people-endpoints.ts';
import { useDrawerItem } from '../../lib/ItemDrawer.tsx';
import { PromptModal } from '../../lib/PromptModal.tsx';
import { useTenant } from '../../tenant.tsx';
import { AccountLinkModal, accountText, memberAccounts } from './AccountLinkModal.tsx';
import { PERSON_KIND_LABELS, PERSON_STATUS_LABELS } from './labels.ts';
import { PersonFormModal } from './PersonFormModal.tsx';

/** One person: their details (personal data as the role may read it), 编辑 and 转出. */
export function PersonDrawer({ personId, onClose, onChanged }: { personId: string | null; onClose(): void; onChanged(p: PersonView): void }) {
  const { tenant } = useTenant();
  const { item: person, error: loadError, changed } = useDrawerItem(tenant.slug, personId, peopleApi.get, onChanged);
  const [unlinkError, setUnlinkError] = useState<string | null>(null);
  const error = loadError ?? unlinkError;
  const [editing, setEditing] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [linking, setLinking] = useState(false);
  // The linked account's name, for those who manage accounts (they alone are told userId).
  const [accountName, setAccountName] = useState<string | null>(null);

  useEffect(() => setUnlinkError(null), [personId]);
  const p = person?.value;
  const linkedUser = p?.userId ?? null;
  useEffect(() => {
    setAccountName(null);
    if (!linkedUser) return;
    memberAccounts(tenant.slug)
      .then((all) => {
        const a = all.find((x) => x.id === linkedUser);
        setAccountName(a ? accountText(a) : null);
      })
      .catch(() => setAccountName(null));
  }, [linkedUser, tenant.slug]);
  const setAccount = async (userId: string | null) => {
    if (!person) return;
    changed(await peopleApi.linkAccount(tenant.slug, person.value.id, person.etag, userId));
  };

  return (
    <Drawer
      open={!!personId}
      onClose={onClose}
      title={p ? p.name : '人员'}
      size={520}
      extra={
        p && (
          <Space>
            {p.can.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            {p.can.leave && (
              <Button danger icon={<LogoutOutlined />} onClick={() => setLeaving(true)}>
                转出
              </Button>
            )}
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!p && !error && <Spin />}
      {p && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="类别">{p.partyStanding ? `${p.partyStanding}党员` : PERSON_KIND_LABELS[p.kind]}</Descriptions.Item>
          <Descriptions.Item label="所属党组织">{p.homeOrgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="在职党员">{p.inService ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="工作单位">{p.workUnit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="特长">{p.skills.length ? p.skills.map((s) => <Tag key={s}>{s}</Tag>) : '—'}</Descriptions.Item>
          <Descriptions.Item label="手机号">{p.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{p.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="登录账号">
            <Space wrap data-testid="person-account">
              <span data-verbatim>{p.hasAccount ? (accountName ?? '已关联') : '未关联'}</span>
              {p.can.linkAccount && p.status === 'active' && (
                <Button size="small" icon={<LinkOutlined />} onClick={() => setLinking(true)}>
                  {p.hasAccount ? '更换账号' : '关联账号'}
                </Button>
              )}
              {p.can.linkAccount && p.hasAccount && (
                <Popconfirm
                  title="解除关联后，此账号将看不到此人的“我的”页面。确定解除？"
                  okText="解除关联"
                  cancelText="取消"
                  onConfirm={async () => {
                    setUnlinkError(null);
                    try {
                      await setAccount(null);
                    } catch (err) {
                      setUnlinkError(errorText(err));
                    }
                  }}
                >
                  <Button size="small" danger icon={<DisconnectOutlined />}>
                    解除关联
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            {PERSON_STATUS_LABELS[p.status]}
            {p.leftOn ? `（${p.leftOn} 转出：${p.leftReason ?? ''}）` : ''}
          </Descriptions.Item>
        </Descriptions>
      )}
      {p && p.piiMasked && <Alert style={{ marginTop: 12 }} type="info" showIcon title="个人信息已按权限打码显示" />}
      <PersonFormModal
        open={editing}
        person={person}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          changed(saved);
        }}
      />
      <AccountLinkModal
        open={linking}
        personName={p?.name ?? ''}
        onClose={() => setLinking(false)}
        onSubmit={async (userId) => {
          await setAccount(userId);
          setLinking(false);
        }}
      />
      <PromptModal
        open={leaving}
        title={p ? `转出：${p.name}` : '转出'}
        okText="确认转出"
        danger
        intro="转出后保留此人的全部记录（积分、报到、服务记录），不再出现在在册名单中。"
        formName="person-leave"
        fields={[{ name: 'reason', label: '转出原因', kind: 'textarea', required: true, schema: PersonLeaveSchema.shape.reason }]}
        onSubmit={async (v) => {
          if (!person) return;
          changed(await peopleApi.leave(tenant.slug, person.value.id, person.etag, v.reason ?? ''));
          setLeaving(false);
        }}
        onClose={() => setLeaving(false)}
      />
    </Drawer>
  );
}
