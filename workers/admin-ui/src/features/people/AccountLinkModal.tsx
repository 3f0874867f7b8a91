import { Alert, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { accountApi, type Account } from '../../api/admin-endpoints.ts';
import { errorText } from '../../api/client.ts';
import { useTenant } from '../../tenant.tsx';
import { useOnOpen } from '../../lib/useOnOpen.ts';

/** The county's active accounts holding the 党员 role: the ones a person may sign in as. */
export async function memberAccounts(tenant: string): Promise<Account[]> {
  const all = await accountApi.list(tenant);
  return all.filter((a) => a.status === 'active' && a.grants.some((g) => g.role === 'member'));
}

export const accountText = (a: Pick<Account, 'displayName' | 'username'>) => `${a.displayName}（${a.username}）`;

/**
 * 关联账号: the county administrator picks which 党员 account signs in as this person
 * (PUT /people/{id}/account). One account belongs to one person: the server says so when
 * the account is already someone else's.
 */
export function AccountLinkModal({
  open,
  personName,
  onSubmit,
  onClose,
}: {
  open: boolean;
  personName: string;
  onSubmit(userId: string): Promise<void>;
  onClose(): void;
}) {
  const { tenant } = useTenant();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useOnOpen(open, () => {
    setChosen(null);
    setError(null);
    setAccounts(null);
    memberAccounts(tenant.slug)
      .then(setAccounts)
      .catch((err) => setError(errorText(err)));
  }, [tenant.slug]);

  const ok = async () => {
    if (!chosen) {
      setError('请选择账号');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(chosen);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={`关联登录账号：${personName}`} okText="关联" cancelText="取消" onOk={ok} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">关联后，此人用该账号登录即可查看“我的”页面、报到领岗和活动签到。只能选择本旗县区持有“党员”角色的账号，一个账号只关联一人。</Typography.Paragraph>
      <Select
        id="person-account"
        data-testid="account-select"
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        placeholder="选择党员账号（可输入姓名或用户名搜索）"
        loading={accounts === null && !error}
        value={chosen}
        onChange={setChosen}
        options={(accounts ?? []).map((a) => ({ value: a.id, label: accountText(a) }))}
        notFoundContent="没有可关联的党员账号"
      />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
    </Modal>
  );
}
