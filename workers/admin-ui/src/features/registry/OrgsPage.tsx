import { DownloadOutlined, FileExcelOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { antIsland } from '../../lib/ant-island.tsx';
import { Alert } from '../../light/Alert.tsx';
import { Button } from '../../light/Button.tsx';
import { Card } from '../../light/Card.tsx';
import { CursorTable } from '../../light/CursorTable.tsx';
import { Col, Row } from '../../light/Grid.tsx';
import { Space } from '../../light/Space.tsx';
import type { Column } from '../../light/Table.tsx';
import { Tag } from '../../light/Tag.tsx';
import { Link, Text } from '../../light/Typography.tsx';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorText, type Query } from '../../api/client.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { Organization, TreeItem } from '../../api/types.ts';
import { formatTime } from '../../lib/time.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { useFirstAnswer } from '../../lib/useFirstAnswer.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useTenant } from '../../tenant.tsx';
import { QUALITY_COLORS, STATUS_LABELS } from '../../shared/orgLabels.ts';
import { ORG_FILTER_KEYS, orgListQuery } from './first-reads.ts';
import { lazyWhenOpen } from '../../lib/lazy-when-open.tsx';
import { useOpenParam } from '../../lib/useOpenParam.ts';
import { useFeedback } from '../../lib/feedback.tsx';

// The forms (and the shared zod schemas they validate with) load when first opened.
const OrgFormModal = lazyWhenOpen(() => import('./OrgFormModal.tsx').then((m) => m.OrgFormModal), (p) => p.open);
const DeactivateModal = lazyWhenOpen(() => import('./DeactivateModal.tsx').then((m) => m.DeactivateModal), (p) => p.org !== null);
// The page draws without antd (src/light/, docs/adr/0031); the tree, the filter bar and the drawer are
// antd islands that load once the list is on screen.
const OrgTree = antIsland(() => import('./OrgTree.tsx').then((m) => m.OrgTree));
const OrgFilters = antIsland(() => import('./OrgFilters.tsx').then((m) => m.OrgFilters));
const OrgDetailDrawer = lazyWhenOpen(() => import('./OrgDetailDrawer.tsx').then((m) => m.OrgDetailDrawer), (p) => p.orgId !== null);
// The Excel import (antd's Upload and the preview table) loads when first opened.
const ImportModal = lazyWhenOpen(() => import('./ImportModal.tsx').then((m) => m.ImportModal), (p) => p.open);


export default function OrgsPage() {
  const { tenant, perms } = useTenant();
  const { message, modal } = useFeedback();
  const { filters, applyFilters } = useUrlFilters(ORG_FILTER_KEYS);

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
    void list.reload();
  }, [list.reload, filters]);

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

  const columns: Column<Organization>[] = [
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
          <Link onClick={() => setDetailId(org.id)}>{name}</Link>
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
      render: (v: boolean) => (v ? <Tag color="volcano">软弱涣散</Tag> : <Text type="secondary">否</Text>),
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
              <Button
                type="link"
                size="small"
                onClick={() => modal.confirm({ title: `确认重新启用“${org.name}”？`, okText: '启用', cancelText: '取消', onOk: () => reactivate(org) })}
              >
                启用
              </Button>
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
            placeholder={<div style={{ minHeight: 240 }} />}
          />
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card size="small" style={{ marginBottom: 16 }}>
          <OrgFilters
            filters={filters}
            onApply={(v) => applyFilters({ ...v, under: filters.under })}
            onReset={() => applyFilters({})}
            // The inline form's height, so the list does not move when the bar arrives.
            placeholder={<div style={{ minHeight: 32 }} />}
          />
        </Card>
        <Card
          size="small"
          title={
            <Space>
              <span>党组织列表</span>
              {list.total !== null && <Text type="secondary" data-testid="org-total">共 {list.total} 个</Text>}
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
            <Alert type="info" title="当前为只读视图：可以浏览和导出，不能修改本旗县区的数据。" style={{ marginBottom: 12 }} />
          )}
          <CursorTable<Organization>
            list={list}
            columns={columns}
            unit="个"
            minWidth={860}
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
