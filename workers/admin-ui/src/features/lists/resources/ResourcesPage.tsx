import { useEffect, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { resourceApi, type ResourceView } from '../../../api/list-endpoints.ts';
import { antIsland } from '../../../lib/ant-island.tsx';
import { lazyWhenOpen } from '../../../lib/lazy-when-open.tsx';
import { listPermissionsFor } from '../../../lib/listPermissions.ts';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { useItemListPage } from '../../../lib/useItemListPage.ts';
import { useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { Card } from '../../../light/Card.tsx';
import { CursorTable } from '../../../light/CursorTable.tsx';
import { ListCard, ListExcelActions } from '../../../light/ListLayout.tsx';
import type { Column } from '../../../light/Table.tsx';
import { Tag } from '../../../light/Tag.tsx';
import { Link as TextLink, Text } from '../../../light/Typography.tsx';
import { useTenant } from '../../../tenant.tsx';
import { useCategories } from '../categories/useCategories.ts';
import { LOCALITY_LABELS, RESOURCE_STATUS_COLORS, RESOURCE_STATUS_LABELS } from '../needs/labels.ts';
import { Progress } from '../../../light/Progress.tsx';
import { availability } from './availability.ts';
import { FiltersPlaceholder } from '../../../light/FiltersPlaceholder.tsx';

// The form and the drawer (its 撤回 form and the edit form) validate with the shared zod schemas: they load when first opened.
const ResourceFormModal = lazyWhenOpen(() => import('./ResourceFormModal.tsx').then((m) => m.ResourceFormModal), (p) => p.open);
const ResourceDrawer = lazyWhenOpen(() => import('./ResourceDrawer.tsx').then((m) => m.ResourceDrawer), (p) => p.resourceId !== null);
// The Excel import (antd's Upload and the preview table) loads when first opened.
const ListImportModal = lazyWhenOpen(() => import('../needs/ListImportModal.tsx').then((m) => m.ListImportModal), (p) => p.open);
// The page draws without antd (src/light/, docs/adr/0031); the filter bar is an antd island that
// loads once the list is on screen.
const ResourceFilters = antIsland(() => import('./ResourceFilters.tsx').then((m) => m.ResourceFilters));

const FILTER_KEYS = ['q', 'allianceId', 'status', 'categoryId', 'kind', 'offeringOrgId'] as const;
const PAGE_SIZE = 20;

// The filter bar's items, for its placeholder (light/FiltersPlaceholder.tsx).
const FILTER_ITEM_WIDTHS = [222, 300, 138, 128, 158, 266, 128];

export default function ResourcesPage() {
  const { tenant } = useTenant();
  const lp = useMemo(() => listPermissionsFor(tenant), [tenant]);
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const categories = useCategories(tenant.slug);
  const list = useCursorList((after) => resourceApi.list(tenant.slug, { ...filters, cursor: after ?? undefined, limit: PAGE_SIZE }), [tenant.slug, filters]);
  const page = useItemListPage(list);

  useEffect(() => {
    void list.reload();
  }, [list.reload, filters]);

  const columns: Column<ResourceView>[] = [
    {
      title: '资源名称',
      dataIndex: 'title',
      fixed: 'left',
      width: 240,
      // A long name ends in … and reads whole on hover.
      ellipsis: true,
      onCell: (r) => ({ title: r.title }),
      render: (title: string, r) => (
        <TextLink onClick={() => page.open(r.id)} data-testid="resource-title">
          {title}
        </TextLink>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: ResourceView['status']) => <Tag color={RESOURCE_STATUS_COLORS[s]}>{RESOURCE_STATUS_LABELS[s]}</Tag>,
    },
    { title: '类型', dataIndex: 'kind', width: 70 },
    { title: '类别', dataIndex: 'categoryName', width: 100 },
    {
      title: '剩余 / 可提供',
      key: 'capacity',
      width: 170,
      render: (_, r) => (
        <div style={{ minWidth: 130 }}>
          <Progress percent={r.capacity ? Math.round((r.allocatedQty / r.capacity) * 100) : 0} showInfo={false} />
          <Text type="secondary" style={{ fontSize: 12 }}>
            剩余 {r.remainingQty} / {r.capacity} {r.unit}
          </Text>
        </div>
      ),
    },
    { title: '提供单位', dataIndex: 'offeringOrgName', width: 180, ellipsis: true },
    {
      title: '地点 / 服务范围',
      key: 'place',
      width: 220,
      responsive: ['xxl'],
      ellipsis: true,
      render: (_, r) => `${r.placeName ?? '—'} · ${LOCALITY_LABELS[r.scope]}${r.radiusM ? `（${r.radiusM} 米）` : ''}`,
    },
    { title: '可用期', key: 'window', width: 200, responsive: ['xxl'], render: (_, r) => availability(r) },
    {
      title: '党建联合体',
      dataIndex: 'allianceName',
      width: 180,
      ellipsis: true,
      render: (name: string, r) => <Link to={`/t/${tenant.slug}/alliances/${r.allianceId}`}>{name}</Link>,
    },
    { title: '联系人', key: 'contact', width: 160, responsive: ['xxl'], render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '—' },
  ];

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <ResourceFilters
          tenant={tenant.slug}
          categories={categories.items}
          filters={filters}
          onApply={applyFilters}
          onReset={() => applyFilters({})}
          placeholder={<FiltersPlaceholder widths={FILTER_ITEM_WIDTHS} />}
        />
      </Card>
      <ListCard
        title="资源清单"
        total={list.total}
        totalTestId="resource-total"
        actions={
          <ListExcelActions
            exportFile={() => resourceApi.export(tenant.slug, filters)}
            onImport={lp.canCreateResource ? page.startImport : undefined}
            onCreate={lp.canCreateResource ? page.startCreate : undefined}
            createText="登记资源"
            createAction="resource.manage"
          />
        }
      >
        <CursorTable<ResourceView> list={list} columns={columns} emptyText="暂无资源" unit="条" minWidth={1030} data-testid="resource-table" />
      </ListCard>
      <ResourceFormModal open={page.creating} allianceId={filters.allianceId} onClose={page.cancelCreate} onSaved={page.created} />
      <ListImportModal open={page.importing} tenant={tenant.slug} noun="资源" allianceId={filters.allianceId} api={resourceApi} onClose={page.closeImport} onImported={page.imported} />
      <ResourceDrawer resourceId={page.openId} onClose={page.close} onChanged={page.replaceRow} />
    </>
  );
}
