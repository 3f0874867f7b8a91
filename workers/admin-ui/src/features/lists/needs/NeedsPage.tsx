import { SettingOutlined } from '@ant-design/icons';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { needApi, type NeedView } from '../../../api/list-endpoints.ts';
import { antIsland } from '../../../lib/ant-island.tsx';
import { listPermissionsFor } from '../../../lib/listPermissions.ts';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { useItemListPage } from '../../../lib/useItemListPage.ts';
import { useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { Button } from '../../../light/Button.tsx';
import { Card } from '../../../light/Card.tsx';
import { CursorTable } from '../../../light/CursorTable.tsx';
import { ListCard, ListExcelActions } from '../../../light/ListLayout.tsx';
import type { Column } from '../../../light/Table.tsx';
import { Tag } from '../../../light/Tag.tsx';
import { Link as TextLink, Text } from '../../../light/Typography.tsx';
import { useTenant } from '../../../tenant.tsx';
import { useCategories } from '../categories/useCategories.ts';
import { NEED_FILTER_KEYS, needListQuery } from '../first-reads.ts';
import { NEED_STATUS_COLORS, NEED_STATUS_LABELS, type NeedStatus, urgencyColor, urgencyLabel } from './labels.ts';
import { QuantityBar } from '../../../lib/QuantityBar.tsx';
import { lazyWhenOpen } from '../../../lib/lazy-when-open.tsx';

// The form and the drawer (its 驳回 and 关闭 forms) validate with the shared zod schemas: they load when first opened.
const NeedFormModal = lazyWhenOpen(() => import('./NeedFormModal.tsx').then((m) => m.NeedFormModal), (p) => p.open);
const NeedDrawer = lazyWhenOpen(() => import('./NeedDrawer.tsx').then((m) => m.NeedDrawer), (p) => p.needId !== null);
// The Excel import (antd's Upload and the preview table) loads when first opened.
const ListImportModal = lazyWhenOpen(() => import('./ListImportModal.tsx').then((m) => m.ListImportModal), (p) => p.open);
// The page draws without antd (src/light/, docs/adr/0031); the filter bar is an antd island that
// loads once the list is on screen.
const NeedFilters = antIsland(() => import('./NeedFilters.tsx').then((m) => m.NeedFilters));

const FILTER_KEYS = NEED_FILTER_KEYS;

export default function NeedsPage() {
  const { tenant } = useTenant();
  const lp = useMemo(() => listPermissionsFor(tenant), [tenant]);
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const categories = useCategories(tenant.slug);
  const list = useCursorList((after) => needApi.list(tenant.slug, needListQuery(filters, after)), [tenant.slug, filters]);
  const page = useItemListPage(list);

  useEffect(() => {
    void list.reload();
  }, [list.reload, filters]);

  const columns: Column<NeedView>[] = [
    {
      title: '需求名称',
      dataIndex: 'title',
      fixed: 'left',
      width: 240,
      // A long name ends in … and reads whole on hover.
      ellipsis: true,
      onCell: (r) => ({ title: r.title }),
      render: (title: string, n) => (
        <TextLink onClick={() => page.open(n.id)} data-testid="need-title">
          {title}
        </TextLink>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: NeedStatus) => <Tag color={NEED_STATUS_COLORS[s]}>{NEED_STATUS_LABELS[s]}</Tag>,
    },
    { title: '紧急程度', dataIndex: 'urgency', width: 90, render: (u: number) => <Tag color={urgencyColor(u)}>{urgencyLabel(u)}</Tag> },
    {
      title: '数量进度',
      key: 'qty',
      width: 180,
      render: (_, n) => <QuantityBar quantity={n.quantity} committed={n.committedQty} inDelivery={n.inDeliveryQty} fulfilled={n.fulfilledQty} unit={n.unit} />,
    },
    {
      title: '截止日期',
      dataIndex: 'deadline',
      width: 120,
      render: (d: string, n) =>
        n.overdue ? (
          <Text type="danger" strong title="截止日已过仍未满足">
            {d}（逾期）
          </Text>
        ) : (
          d
        ),
    },
    { title: '类别', dataIndex: 'categoryName', width: 100 },
    { title: '来源', dataIndex: 'source', width: 100, responsive: ['xxl'], },
    {
      title: '地点',
      key: 'place',
      width: 200,
      responsive: ['xxl'],
      ellipsis: true,
      render: (_, n) => [n.placeName, n.gridName].filter(Boolean).join(' · ') || '—',
    },
    {
      title: '党建联合体',
      dataIndex: 'allianceName',
      width: 180,
      ellipsis: true,
      render: (name: string, n) => <Link to={`/t/${tenant.slug}/alliances/${n.allianceId}`}>{name}</Link>,
    },
    { title: '提出单位/人', key: 'raiser', width: 180, responsive: ['xxl'],  ellipsis: true, render: (_, n) => n.raisedByOrgName ?? n.raiserName ?? '—' },
  ];

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <NeedFilters
          tenant={tenant.slug}
          categories={categories.items}
          filters={filters}
          onApply={applyFilters}
          onReset={() => applyFilters({})}
          // About the inline form's height (two rows at a desktop width), so the list moves little when the bar arrives.
          placeholder={<div style={{ minHeight: 72 }} />}
        />
      </Card>
      <ListCard
        title="需求清单"
        total={list.total}
        totalTestId="need-total"
        actions={
          <>
            <Link to={`/t/${tenant.slug}/needs/overdue`}>
              <Button data-testid="overdue-review-link">逾期需求复核</Button>
            </Link>
            {lp.canManageCategories && (
              <Link to={`/t/${tenant.slug}/categories`}>
                <Button icon={<SettingOutlined />}>类别管理</Button>
              </Link>
            )}
            <ListExcelActions
              exportFile={() => needApi.export(tenant.slug, filters)}
              onImport={lp.canCreateNeed ? page.startImport : undefined}
              onCreate={lp.canCreateNeed ? page.startCreate : undefined}
              createText="登记需求" createAction="need.create"
            />
          </>
        }
      >
        <CursorTable<NeedView> list={list} columns={columns} emptyText="暂无需求" unit="条" minWidth={1010} data-testid="need-table" />
      </ListCard>
      <NeedFormModal open={page.creating} allianceId={filters.allianceId} onClose={page.cancelCreate} onSaved={page.created} />
      <ListImportModal open={page.importing} tenant={tenant.slug} noun="需求" allianceId={filters.allianceId} api={needApi} onClose={page.closeImport} onImported={page.imported} />
      <NeedDrawer needId={page.openId} onClose={page.close} onChanged={page.replaceRow} />
    </>
  );
}
