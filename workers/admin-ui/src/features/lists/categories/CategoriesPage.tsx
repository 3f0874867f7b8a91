import { ArrowLeftOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { CategoryCreateSchema, CategoryUpdateSchema } from '@ronghe/schema';
import { Alert, Button, Card, Form, Input, InputNumber, Result, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorText } from '../../../api/client.ts';
import { categoryApi, type CategoryView } from '../../../api/list-endpoints.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { listPermissionsFor } from '../../../lib/listPermissions.ts';
import { STALE_TEXT } from '../../../lib/problems.ts';
import { useFormSave } from '../../../lib/useFormSave.ts';
import { useTenant } from '../../../tenant.tsx';
import { CompatibilityTable } from './CompatibilityTable.tsx';
import { useCategories } from './useCategories.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface FormValues {
  name?: string;
  alsoServes?: string[];
  sortOrder?: number | null;
}
const FIELDS: ReadonlySet<string> = new Set(['name', 'alsoServes', 'sortOrder']);

/** 类别管理: the county's taxonomy of needs and resources (county administrators). */
export default function CategoriesPage() {
  const { tenant } = useTenant();
  const lp = useMemo(() => listPermissionsFor(tenant), [tenant]);
  const { message } = useFeedback();
  const categories = useCategories(tenant.slug);
  const [editing, setEditing] = useState<CategoryView | 'new' | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  if (!lp.canManageCategories) {
    return <Result status="403" title="无权管理类别" subTitle="需求和资源的类别由旗县区委组织部管理员维护。" />;
  }
  const nameOf = new Map(categories.items.map((c) => [c.id, c.name]));

  const toggle = async (c: CategoryView, active: boolean) => {
    setToggling(c.id);
    try {
      await categoryApi.update(tenant.slug, c.id, c.version, { active });
      message.success(active ? `已启用“${c.name}”` : `已停用“${c.name}”`);
    } catch (err) {
      message.error(err instanceof ApiError && err.status === 412 ? STALE_TEXT : errorText(err));
    } finally {
      setToggling(null);
      categories.reload();
    }
  };

  const columns: ColumnsType<CategoryView> = [
    { title: '排序', dataIndex: 'sortOrder', width: 70, align: 'right' },
    { title: '类别名称', dataIndex: 'name', width: 160, render: (n: string, c) => (c.active ? n : <Typography.Text type="secondary">{n}</Typography.Text>) },
    {
      title: '该类资源还可满足',
      dataIndex: 'alsoServes',
      render: (ids: string[]) => (ids.length ? ids.map((id) => <Tag key={id}>{nameOf.get(id) ?? id}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: '启用',
      dataIndex: 'active',
      width: 90,
      render: (active: boolean, c) => (
        <Switch checked={active} loading={toggling === c.id} onChange={(v) => void toggle(c, v)} aria-label={`${active ? '停用' : '启用'}${c.name}`} />
      ),
    },
    {
      title: '操作',
      key: 'ops',
      width: 90,
      render: (_, c) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space>
          <Link to={`/t/${tenant.slug}/needs`} aria-label="返回需求清单">
            <ArrowLeftOutlined />
          </Link>
          <span>需求与资源类别</span>
          <Typography.Text type="secondary">共 {categories.items.length} 个</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={categories.reload} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增类别
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="需求只匹配同类别的资源，以及“还可满足”该类别的资源（如“资金”类资源还可满足“助学助困”需求）。停用的类别不能再用于新登记的需求和资源，已有记录不受影响。"
      />
      {categories.error && <Alert type="error" showIcon title={categories.error} style={{ marginBottom: 12 }} />}
      <Table<CategoryView> rowKey="id" size="middle" loading={categories.loading} dataSource={categories.items} columns={columns} pagination={false} data-testid="category-table" />
      <CompatibilityTable items={categories.items} onSaved={categories.reload} />
      <CategoryModal
        target={editing}
        all={categories.items}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          categories.reload();
        }}
        onStale={categories.reload}
      />
    </Card>
  );
}

function CategoryModal({
  target,
  all,
  onClose,
  onSaved,
  onStale,
}: {
  target: CategoryView | 'new' | null;
  all: readonly CategoryView[];
  onClose(): void;
  onSaved(): void;
  onStale(): void;
}) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [form] = Form.useForm<FormValues>();
  const save = useFormSave(form, FIELDS);
  const editing = target && target !== 'new' ? target : null;

  useEffect(() => {
    if (!target) return;
    save.reset(
      editing
        ? { name: editing.name, alsoServes: editing.alsoServes, sortOrder: editing.sortOrder }
        : { alsoServes: [], sortOrder: (Math.max(0, ...all.map((c) => c.sortOrder)) + 10) as number },
    );
  }, [target, form]);

  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    const body = { name: v.name?.trim(), alsoServes: v.alsoServes ?? [], ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}) };
    let payload: Record<string, unknown> = body;
    if (editing) {
      payload = {};
      if (body.name !== editing.name) payload.name = body.name;
      if (JSON.stringify([...body.alsoServes].sort()) !== JSON.stringify([...editing.alsoServes].sort())) payload.alsoServes = body.alsoServes;
      if (body.sortOrder !== undefined && body.sortOrder !== editing.sortOrder) payload.sortOrder = body.sortOrder;
      if (Object.keys(payload).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
    }
    const parsed = (editing ? CategoryUpdateSchema : CategoryCreateSchema).safeParse(payload);
    if (!parsed.success) return save.showIssues(parsed.error.issues);
    await save.save(async () => {
      if (editing) await categoryApi.update(tenant.slug, editing.id, editing.version, parsed.data);
      else await categoryApi.create(tenant.slug, parsed.data as Parameters<typeof categoryApi.create>[1]);
      message.success(editing ? `已保存“${body.name}”` : `已新增类别“${body.name}”`);
      onSaved();
    }, async () => onStale());
  };

  const options = all.filter((c) => c.id !== editing?.id).map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name}（已停用）` }));
  return (
    <FormModal open={!!target} title={editing ? `编辑类别：${editing.name}` : '新增类别'} state={save} onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" name="category-form">
        <Form.Item label="类别名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写类别名称' }]}>
          <Input maxLength={20} placeholder="如：养老服务" />
        </Form.Item>
        <Form.Item label="该类资源还可满足的需求类别" name="alsoServes" extra="不选表示只满足同类别的需求">
          <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} placeholder="可多选" />
        </Form.Item>
        <Form.Item label="排序" name="sortOrder" extra="数字小的排在前面">
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
