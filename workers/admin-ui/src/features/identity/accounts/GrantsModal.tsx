import { Alert, Form, Modal } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { accountApi, type Account } from '../../../api/admin-endpoints.ts';
import { ApiError, errorText } from '../../../api/client.ts';
import type { Tenant } from '../../../api/types.ts';
import { applyServerErrors, isGrantField } from './fieldErrors.ts';
import { checkDuplicateGrants, GrantsFields, grantsPayload, type GrantRow } from './GrantsFields.tsx';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  tenant: Tenant;
  account: Account | null;
  onClose(): void;
  onSaved(account: Account): void;
  /** Reloads the list after a 412; resolves with the account as it is now (undefined if it is gone). */
  onStale(): Promise<Account | undefined>;
}

const rowsOf = (a: Account): GrantRow[] => a.grants.map((g) => ({ role: g.role, scopeOrgId: g.scopeOrgId }));

export function GrantsModal({ tenant, account, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<{ grants: GrantRow[] }>();
  const { message } = useFeedback();
  // The version the next write carries: replaced by the fresh one after a 412.
  const [base, setBase] = useState<Account | null>(account);
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    setBase(account);
    setGeneral([]);
    setStale(false);
    if (account) {
      form.resetFields();
      form.setFieldsValue({ grants: rowsOf(account) });
    }
  }, [account, form]);

  const known = useMemo(
    () => (base?.grants ?? []).filter((g) => g.scopeOrgId && g.scopeOrgName).map((g) => ({ id: g.scopeOrgId!, name: g.scopeOrgName! })),
    [base],
  );

  const submit = async () => {
    if (!base) return;
    setGeneral([]);
    let values: { grants: GrantRow[] };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!checkDuplicateGrants(form, values.grants)) return;
    setSaving(true);
    try {
      const saved = await accountApi.setGrants(tenant.slug, base.id, base.version, grantsPayload(values.grants));
      message.success(`已修改“${saved.displayName}”的角色，该账号需重新登录后生效`);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        const fresh = await onStale();
        if (!fresh) {
          message.warning('该账号已不在本级账号列表中');
          onClose();
          return;
        }
        setStale(true);
        setBase(fresh);
        form.resetFields();
        form.setFieldsValue({ grants: rowsOf(fresh) });
      } else if (err instanceof ApiError && err.problem.errors?.length) {
        const rows = values.grants?.length ?? 0;
        setGeneral(applyServerErrors(form, err.problem.errors, (n) => isGrantField(n, rows)));
      } else {
        setGeneral([errorText(err)]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={account !== null}
      title={`修改角色：${account?.displayName ?? ''}（${account?.username ?? ''}）`}
      width={760}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert
        type="info"
        showIcon
        title={`这里设定该账号在${tenant.name}的全部角色；保存后该账号会退出登录，重新登录后按新角色生效。`}
        style={{ marginBottom: 12 }}
      />
      {stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="stale-alert"
          title="数据已被他人修改"
          description="您打开后，该账号已被其他人修改。表单已加载最新的角色，请核对后重新修改并保存。"
          style={{ marginBottom: 12 }}
        />
      )}
      {general.length > 0 && (
        <Alert type="error" showIcon title="保存失败" description={general.join('；')} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" name="grants-form">
        {account && <GrantsFields tenant={tenant} known={known} />}
      </Form>
    </Modal>
  );
}
