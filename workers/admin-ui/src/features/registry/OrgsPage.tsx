import { DownloadOutlined, FileExcelOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorText, type Query } from '../../api/client.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { Organization, TreeItem } from '../../api/types.ts';
import { CursorTable } from '../../lib/CursorTable.tsx';
import { FilterActions } from '../../lib/FilterActions.tsx';
import { formatTime } from '../../lib/time.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { useFirstAnswer } from '../../lib/useFirstAnswer.ts';
import { type UrlFilters, useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useTenant } from '../../tenant.tsx';
import { DOMAIN_OPTIONS, KIND_OPTIONS, QUALITY_COLORS, QUALITY_OPTIONS, STATUS_LABELS } from '../../shared/orgLabels.ts';
import { OrgDetailDrawer } from './OrgDetailDrawer.tsx';
import { OrgTree } from './OrgTree.tsx';
import { ORG_FILTER_KEYS, orgListQuery } from './first-reads.ts';
import { lazyWhenOpen } from '../../lib/lazy-when-open.tsx';
import { useOpenParam } from '../../lib/useOpenParam.ts';

// The forms (and the shared zod schemas they validate with) load when first opened.
const OrgFormModal = lazyWhenOpen(() => import('./OrgFormModal.tsx').then((m) => m.OrgFormModal), (p) => p.open);
const DeactivateModal = lazyWhenOpen(() => import('./DeactivateModal.tsx').then((m) => m.DeactivateModal), (p) => p.org !== null);
// The Excel import (antd's Upload and the preview table) loads when first opened.
const ImportModal = lazyWhenOpen(() => import('./ImportModal.tsx').then((m) => m.ImportModal), (p) => p.open);

const FILTER_KEYS = ORG_FILTER_KEYS;

type Filters = UrlFilters<(typeof FILTER_KEYS)[number]>;

export default function OrgsPage() {
  const { tenant, perms } = useTenant();
  const { message } = App.useApp();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [filterForm] = Form.useForm<Filters>();

  const firstTree = useFirstAnswer(() => orgApi.tree(tenant.slug));
  const [tree, setTree] = useState<TreeItem[]>(firstTree.value ?? []);
  const [treeLoading, setTreeLoading] = useState(!firstTree.value);
  const list = useCursorList((after) => orgApi.list(tenant.slug, orgListQuery(filters, after)), [tenant.slug, filters]);

  const [formState, setFormState] = useState<{ open: boolean; orgId?: string }>({ open: false });
  // The drawer's organization is in the address (?open=): the liaison's to-do opens their own organization.
  const [detailId, setDetailId] = useOpenParam();
  const [detailKey, setDetailKey] = useState(0);
  const [deactivating, setDeactivating] = useState<Organization | null>(null);
  const [importOpen, setImportOpen] = useState(false);

  const loadTree = useCallback(async () => {
    setTreeLoading(true);
    try {
      setTree(await orgApi.tree(tenant.slug));
    } catch (err) {
      message.error(`组织树加载失败：${errorText(err)}`);
    } finally {
      setTreeLoading(false);
    }
  }, [tenant.slug, message]);

  useEffect(() => {
    if (!firstTree.taken()) void loadTree();
  }, [loadTree, firstTree]);

  useEffect(() => {
    filterForm.setFieldsValue({ q: undefined, kind: undefined, domain: undefined, qualityStatus: undefined, weakFlag: undefined, status: undefined, ...filters });
    void list.reload();
  }, [list.reload, filterForm, filters]);

  const refreshAll = () => {
    void loadTree();
    void list.reload();
    setDetailKey((k) => k + 1);
  };

  const underItem = filters.under ? tree.find((t) => t.id === filters.under) : undefined;

  const reactivate = async (org: Organization) => {
    try {
      const current = await orgApi.get(tenant.slug, org.id);
      await orgApi.reactivate(tenant.slug, org.id, current.etag);
      message.success(`已启用“${org.name}”`);
      refreshAll();
    } catch (err) {
      message.error(err instanceof ApiError && err.status === 412 ? '该党组织已被他人修改，请刷新后重试' : errorText(err));
    }
  };

  const exportXlsx = async () => {
    const { q, kind, domain, qualityStatus, weakFlag, status, under } = filters;
    const query: Query = { q, kind, domain, qualityStatus, weakFlag, status, under };
    try {
      const name = await orgApi.export(tenant.slug, query);
      message.success(`已导出：${name}`);
    } catch (err) {
      message.error(`导出失败：${errorText(err)}`);
    }
  };

  const downloadTemplate = async () => {
    try {
      await orgApi.template(tenant.slug);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const columns: ColumnsType<Organization> = [
    {
      title: '组织名称',
      dataIndex: 'name',
      fixed: 'left',
      width: 190,
      // A long name ends in … and reads whole on hover.
      ellipsis: true,
      onCell: (r) => ({ title: r.name }),
      render: (name: string, org) => (
        <Space size={4} wrap>
          <Typography.Link onClick={() => setDetailId(org.id)}>{name}</Typography.Link>
          {org.isExternal && <Tag color="purple">外部</Tag>}
        </Space>
      ),
    },
    { title: '组织类别', dataIndex: 'kind', width: 80 },
    { title: '所属领域', dataIndex: 'domain', width: 110, responsive: ['xxl'], },
    { title: '上级党组织', dataIndex: 'parentName', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '书记', dataIndex: 'secretaryName', width: 80, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '书记电话', dataIndex: 'secretaryPhone', width: 130, responsive: ['xxl'],  render: (v: string | null) => v ?? '—' },
    { title: '党员数', dataIndex: 'memberCount', width: 80, responsive: ['xxl'],  align: 'right' },
    {
      title: '达标状态',
      dataIndex: 'qualityStatus',
      width: 140,
      render: (v: string) => <Tag color={QUALITY_COLORS[v]}>{v}</Tag>,
    },
    {
      title: '软弱涣散',
      dataIndex: 'weakFlag',
      width: 90,
      responsive: ['xxl'],
      render: (v: boolean) => (v ? <Tag color="volcano">软弱涣散</Tag> : <Typography.Text type="secondary">否</Typography.Text>),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 70,
      render: (v: string) => (v === 'active' ? <Tag color="green">{STATUS_LABELS.active}</Tag> : <Tag>{STATUS_LABELS.inactive}</Tag>),
    },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, responsive: ['xxl'],  render: (v: number) => formatTime(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 150,
      render: (_, org) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setDetailId(org.id)}>
            查看
          </Button>
          {/* The server says per organization what this user may do (scopes included). */}
          {org.status === 'active' && perms.canUpdate(org.id) && org.can.update && (
            <Button type="link" size="small" onClick={() => setFormState({ open: true, orgId: org.id })}>
              编辑
            </Button>
          )}
          {perms.canDeactivate &&
            org.can.deactivate &&
            (org.status === 'active' ? (
              <Button type="link" size="small" danger onClick={() => setDeactivating(org)}>
                停用
              </Button>
            ) : (
              <Popconfirm title={`确认重新启用“${org.name}”？`} okText="启用" cancelText="取消" onConfirm={() => reactivate(org)}>
                <Button type="link" size="small">
                  启用
                </Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Row gutter={16} wrap={false} style={{ alignItems: 'flex-start' }}>
      <Col flex="300px" style={{ minWidth: 0 }}>
        <Card title="组织树" size="small" extra={<Button type="text" size="small" icon={<ReloadOutlined />} aria-label="刷新组织树" onClick={loadTree} />}>
          <OrgTree
            items={tree}
            loading={treeLoading}
            selectedId={filters.under ?? null}
            onSelect={(item) => applyFilters({ ...filters, under: item?.id })}
          />
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form form={filterForm} layout="inline" onFinish={(v) => applyFilters({ ...v, under: filters.under })} name="org-filters">
            <Form.Item name="q" label="关键词">
              <Input placeholder="组织名称/书记" allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="kind" label="组织类别">
              <Select options={KIND_OPTIONS} allowClear placeholder="全部" style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="domain" label="所属领域">
              <Select options={DOMAIN_OPTIONS} allowClear placeholder="全部" style={{ width: 140 }} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="qualityStatus" label="达标状态">
              <Select options={QUALITY_OPTIONS} allowClear placeholder="全部" style={{ width: 170 }} />
            </Form.Item>
            <Form.Item name="weakFlag" label="软弱涣散">
              <Select
                options={[
                  { value: 'true', label: '是' },
                  { value: 'false', label: '否' },
                ]}
                allowClear
                placeholder="全部"
                style={{ width: 90 }}
              />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select
                options={[
                  { value: 'active', label: STATUS_LABELS.active },
                  { value: 'inactive', label: STATUS_LABELS.inactive },
                  { value: 'all', label: '全部' },
                ]}
                allowClear
                placeholder={STATUS_LABELS.active}
                style={{ width: 100 }}
              />
            </Form.Item>
            <FilterActions onReset={() => applyFilters({})} />
          </Form>
        </Card>
        <Card
          size="small"
          title={
            <Space>
              <span>党组织列表</span>
              {list.total !== null && <Typography.Text type="secondary" data-testid="org-total">共 {list.total} 个</Typography.Text>}
              {filters.under && (
                <Tag closable color="red" onClose={() => applyFilters({ ...filters, under: undefined })} data-testid="under-tag">
                  范围：{underItem?.name ?? '所选组织'} 及全部下级
                </Tag>
              )}
            </Space>
          }
          extra={
            <Space wrap>
              {perms.canCreate && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormState({ open: true })}>
                  新建党组织
                </Button>
              )}
              {perms.canImport && (
                <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                  导入
                </Button>
              )}
              {perms.canImport && (
                <Button icon={<FileExcelOutlined />} onClick={downloadTemplate}>
                  下载模板
                </Button>
              )}
              {perms.canExport && (
                <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
                  导出
                </Button>
              )}
            </Space>
          }
        >
          {perms.readOnly && (
            <Alert type="info" showIcon title="当前为只读视图：可以浏览和导出，不能修改本旗县区的数据。" style={{ marginBottom: 12 }} />
          )}
          <CursorTable<Organization>
            list={list}
            columns={columns}
            unit="个"
            scroll={{ x: 860 }}
            data-testid="org-table"
          />
        </Card>
      </Col>

      <OrgFormModal
        open={formState.open}
        tenant={tenant.slug}
        orgId={formState.orgId}
        defaultParentId={filters.under ?? null}
        treeItems={tree}
        onClose={() => setFormState({ open: false })}
        onSaved={(org) => {
          setFormState({ open: false });
          refreshAll();
          setDetailId(org.id);
        }}
      />
      <OrgDetailDrawer
        tenant={tenant.slug}
        orgId={detailId}
        reloadKey={detailKey}
        canUpdate={detailId ? perms.canUpdate(detailId) : false}
        canDeactivate={perms.canDeactivate}
        onClose={() => setDetailId(null)}
        onEdit={(org) => setFormState({ open: true, orgId: org.id })}
        onDeactivate={(org) => setDeactivating(org)}
        onReactivate={reactivate}
      />
      <DeactivateModal
        tenant={tenant.slug}
        org={deactivating}
        onClose={() => setDeactivating(null)}
        onDone={() => {
          setDeactivating(null);
          refreshAll();
        }}
      />
      <ImportModal
        open={importOpen}
        tenant={tenant.slug}
        onClose={() => setImportOpen(false)}
        onImported={(r) => {
          message.success(`导入完成：新增 ${r.created} 个，更新 ${r.updated} 个`);
          refreshAll();
        }}
      />
    </Row>
  );
}
