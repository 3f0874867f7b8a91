import { useEffect } from 'react';
import { peopleApi, type PersonView } from '../../api/people-endpoints.ts';
import { antIsland } from '../../lib/ant-island.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { useItemListPage } from '../../lib/useItemListPage.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { Card } from '../../light/Card.tsx';
import { CursorTable } from '../../light/CursorTable.tsx';
import { ListCard, ListExcelActions } from '../../light/ListLayout.tsx';
import type { Column } from '../../light/Table.tsx';
import { Tag } from '../../light/Tag.tsx';
import { Link } from '../../light/Typography.tsx';
import { useTenant } from '../../tenant.tsx';
import { PERSON_KIND_LABELS, PERSON_STATUS_LABELS } from './labels.ts';
import { PEOPLE_FILTER_KEYS, peopleListQuery } from './first-reads.ts';
import { lazyWhenOpen } from '../../lib/lazy-when-open.tsx';

// The form and the drawer (its 离开 form) validate with the shared zod schemas: they load when first opened.
const PersonFormModal = lazyWhenOpen(() => import('./PersonFormModal.tsx').then((m) => m.PersonFormModal), (p) => p.open);
const PersonDrawer = lazyWhenOpen(() => import('./PersonDrawer.tsx').then((m) => m.PersonDrawer), (p) => p.personId !== null);
// The Excel import (antd's Upload and the preview table) loads when first opened.
const PeopleImportModal = lazyWhenOpen(() => import('./PeopleImportModal.tsx').then((m) => m.PeopleImportModal), (p) => p.open);
// The page draws without antd (src/light/, docs/adr/0031); the filter bar is an antd island that
// loads once the list is on screen.
const PeopleFilters = antIsland(() => import('./PeopleFilters.tsx').then((m) => m.PeopleFilters));

const FILTER_KEYS = PEOPLE_FILTER_KEYS;

/** 人员: the county's party members and volunteers, each under one home branch (一方隶属). */
export default function PeoplePage() {
  const { tenant } = useTenant();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const list = useCursorList((after) => peopleApi.list(tenant.slug, peopleListQuery(filters, after)), [tenant.slug, filters]);
  const page = useItemListPage(list);
  const may = (action: string) => tenant.actions.includes(action);

  useEffect(() => {
    void list.reload();
  }, [list.reload, filters]);

  const columns: Column<PersonView>[] = [
    {
      title: '姓名',
      dataIndex: 'name',
      fixed: 'left',
      width: 120,
      render: (name: string, p) => (
        <Link onClick={() => page.open(p.id)} data-testid="person-name">
          {name}
        </Link>
      ),
    },
    { title: '类别', key: 'kind', width: 110, render: (_, p) => (p.partyStanding ? `${p.partyStanding}党员` : PERSON_KIND_LABELS[p.kind]) },
    { title: '所属党组织', dataIndex: 'homeOrgName', width: 220, ellipsis: true, render: (n: string | null) => n ?? '—' },
    { title: '在职党员', dataIndex: 'inService', width: 90, render: (v: boolean) => (v ? '是' : '否') },
    { title: '特长', dataIndex: 'skills', width: 200, render: (s: string[]) => (s.length ? s.map((x) => <Tag key={x}>{x}</Tag>) : '—') },
    { title: '手机号', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: PersonView['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{PERSON_STATUS_LABELS[s]}</Tag> },
  ];

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <PeopleFilters
          tenant={tenant.slug}
          filters={filters}
          onApply={applyFilters}
          onReset={() => applyFilters({})}
          // About the inline form's height (two rows at a desktop width), so the list moves little when the bar arrives.
          placeholder={<div style={{ minHeight: 72 }} />}
        />
      </Card>
      <ListCard
        title="人员"
        total={list.total}
        totalTestId="person-total"
        actions={
          <ListExcelActions
            exportFile={() => peopleApi.export(tenant.slug, filters)}
            onImport={may('person.import') ? page.startImport : undefined}
            onCreate={may('person.manage') ? page.startCreate : undefined}
            createText="登记人员"
            createAction="person.manage"
          />
        }
      >
        <CursorTable<PersonView> list={list} columns={columns} emptyText="暂无人员" unit="人" minWidth={960} data-testid="person-table" />
      </ListCard>
      <PersonFormModal open={page.creating} person={null} onClose={page.cancelCreate} onSaved={page.created} />
      <PeopleImportModal open={page.importing} tenant={tenant.slug} onClose={page.closeImport} onImported={page.imported} />
      <PersonDrawer personId={page.openId} onClose={page.close} onChanged={page.replaceRow} />
    </>
  );
}
