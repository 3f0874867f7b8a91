import { Form, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { peopleApi, type PersonView } from '../../api/people-endpoints.ts';
import { CursorTable } from '../../lib/CursorTable.tsx';
import { FilterBar, ListCard, ListExcelActions } from '../../lib/ListLayout.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { useItemListPage } from '../../lib/useItemListPage.ts';
import { type UrlFilters, useUrlFilters } from '../../lib/useUrlFilters.ts';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { PERSON_KIND_LABELS, PERSON_KIND_OPTIONS, PERSON_STATUS_LABELS, PERSON_STATUS_OPTIONS, PARTY_STANDING_OPTIONS, YES_NO_OPTIONS } from './labels.ts';
import { PEOPLE_FILTER_KEYS, peopleListQuery } from './first-reads.ts';
import { lazyWhenOpen } from '../../lib/lazy-when-open.tsx';

// The form and the drawer (its 离开 form) validate with the shared zod schemas: they load when first opened.
const PersonFormModal = lazyWhenOpen(() => import('./PersonFormModal.tsx').then((m) => m.PersonFormModal), (p) => p.open);
const PersonDrawer = lazyWhenOpen(() => import('./PersonDrawer.tsx').then((m) => m.PersonDrawer), (p) => p.personId !== null);
// The Excel import (antd's Upload and the preview table) loads when first opened.
const PeopleImportModal = lazyWhenOpen(() => import('./PeopleImportModal.tsx').then((m) => m.PeopleImportModal), (p) => p.open);

const FILTER_KEYS = PEOPLE_FILTER_KEYS;
type Filters = UrlFilters<(typeof FILTER_KEYS)[number]>;

/** 人员: the county's party members and volunteers, each under one home branch (一方隶属). */
export default function PeoplePage() {
  const { tenant } = useTenant();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [filterForm] = Form.useForm<Filters>();
  const list = useCursorList((after) => peopleApi.list(tenant.slug, peopleListQuery(filters, after)), [tenant.slug, filters]);
  const page = useItemListPage(list);
  const may = (action: string) => tenant.actions.includes(action);

  useEffect(() => {
    filterForm.resetFields();
    filterForm.setFieldsValue(filters);
    void list.reload();
  }, [list.reload, filterForm, filters]);

  const columns: ColumnsType<PersonView> = [
    {
      title: '姓名',
      dataIndex: 'name',
      fixed: 'left',
      width: 120,
      render: (name: string, p) => (
        <Typography.Link onClick={() => page.open(p.id)} data-testid="person-name">
          {name}
        </Typography.Link>
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
      <FilterBar form={filterForm} name="people-filters" onFinish={applyFilters} onReset={() => applyFilters({})}>
        <Form.Item name="q" label="姓名">
          <Input placeholder="按姓名搜索" allowClear style={{ width: 140 }} maxLength={50} />
        </Form.Item>
        <Form.Item name="kind" label="人员类别">
          <Select options={PERSON_KIND_OPTIONS} allowClear placeholder="全部" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="partyStanding" label="党员类别">
          <Select options={PARTY_STANDING_OPTIONS} allowClear placeholder="全部" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="homeOrgId" label="所属党组织">
          <OrgPicker tenant={tenant.slug} placeholder="搜索党组织" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="subtree" label="含下级">
          <Select options={YES_NO_OPTIONS} allowClear placeholder="否" style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="inService" label="在职党员">
          <Select options={YES_NO_OPTIONS} allowClear placeholder="全部" style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="skill" label="特长">
          <Input placeholder="如 医疗" allowClear style={{ width: 110 }} maxLength={20} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select options={PERSON_STATUS_OPTIONS} allowClear placeholder="在册" style={{ width: 90 }} />
        </Form.Item>
      </FilterBar>
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
        <CursorTable<PersonView> list={list} columns={columns} emptyText="暂无人员" unit="人" scroll={{ x: 960 }} data-testid="person-table" />
      </ListCard>
      <PersonFormModal open={page.creating} person={null} onClose={page.cancelCreate} onSaved={page.created} />
      <PeopleImportModal open={page.importing} tenant={tenant.slug} onClose={page.closeImport} onImported={page.imported} />
      <PersonDrawer personId={page.openId} onClose={page.close} onChanged={page.replaceRow} />
    </>
  );
}
