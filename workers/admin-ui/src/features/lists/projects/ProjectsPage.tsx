import { AppstoreOutlined, DownloadOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Form, Input, Progress, Row, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorText, type Query } from '../../../api/client.ts';
import { projectApi, type ProjectBoard, type ProjectSummary } from '../../../api/project-endpoints.ts';
import { ActionButton } from '../../../lib/ActionButton.tsx';
import { CursorTable } from '../../../lib/CursorTable.tsx';
import { FilterActions } from '../../../lib/FilterActions.tsx';
import { bpToPct, formatFen } from '../../../lib/money.ts';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { useTenant } from '../../../tenant.tsx';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { AllianceFilter } from '../needs/AllianceFilter.tsx';
import { boardColumnQuery, boardQuery, PROJECT_FILTER_KEYS, projectQueryOf, projectTableQuery, type ProjectFilters } from '../first-reads.ts';
import { boardColumns, DueDate, PROJECT_STATUS_LABELS, STATUS_OPTIONS, StatusTag, WARNING_OPTIONS, WarningLight, type ProjectStatus, pctText } from './labels.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import { useFeedback } from '../../../lib/feedback.tsx';
// The form (and the zod schemas it validates with, the 56.6 KB gzip `schema` chunk) loads when
// 新建项目 is clicked, not before the board is drawn (docs/adr/0031).
const ProjectFormModal = lazy(() => import('./ProjectFormModal.tsx').then((m) => ({ default: m.ProjectFormModal })));

const FILTER_KEYS = PROJECT_FILTER_KEYS;
type Filters = ProjectFilters;
const queryOf = projectQueryOf;

type BoardColumnPage = ProjectBoard['columns'][number];

/**
 * The whole board's first pages, asked once for all columns (one request, docs/adr/0031): the
 * first column to ask sends it, the others share its answer. A new query (tenant, filters) asks anew.
 */
function useBoardRead(tenant: string, query: Query): (status: ProjectStatus) => Promise<BoardColumnPage> {
  return useMemo(() => {
    let board: Promise<ProjectBoard> | undefined;
    // `then`, not `await`: when the board was answered ahead, each column draws its part at once (lib/useFirstAnswer.ts).
    return (status) => {
      board ??= projectApi.board(tenant, boardQuery(query));
      return board.then(
        (b) => b.columns.find((c) => c.status === status) ?? { status: status as BoardColumnPage['status'], items: [], nextCursor: null, total: 0 },
      );
    };
  }, [tenant, query]);
}

/**
 * One column: its first page from the shared board read (`first`), or from the list when the
 * status filter narrows the board to it; later pages always from the list, with the column's cursor.
 */
function BoardColumn({ status, query, first }: { status: ProjectStatus; query: Query; first?: (status: ProjectStatus) => Promise<BoardColumnPage> }) {
  const { tenant } = useTenant();
  const list = useCursorList(
    (after) => (after === null && first ? first(status) : projectApi.list(tenant.slug, boardColumnQuery(query, status, after))),
    [tenant.slug, query, status, first],
  );
  useEffect(() => {
    void list.reload();
  }, [list.reload]);
  const waiting = list.loading && list.rows.length === 0;
  return (
    <div className="project-column" data-testid={`board-column-${status}`} style={{ background: '#f5f5f5', borderRadius: 8, padding: 8, minHeight: 200 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8, padding: '0 4px' }}>
        <StatusTag status={status} />
        <Typography.Text type="secondary" data-testid={`board-count-${status}`}>
          {list.total ?? ''}
        </Typography.Text>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 8 }} />}
      {waiting ? (
        <Spin style={{ width: '100%', marginTop: 24 }} />
      ) : list.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无项目" />
      ) : (
        list.rows.map((p) => <ProjectCard key={p.id} project={p} to={`/t/${tenant.slug}/projects/${p.id}`} />)
      )}
      {list.cursor && (
        <Button block size="small" type="dashed" loading={list.loading} onClick={list.loadMore}>
          加载更多（{list.rows.length}
          {list.total !== null ? ` / ${list.total}` : ''}）
        </Button>
      )}
    </div>
  );
}

function ProjectTable({ filters }: { filters: Filters }) {
  const { tenant } = useTenant();
  const query = useMemo(() => queryOf(filters), [filters]);
  const list = useCursorList((after) => projectApi.list(tenant.slug, projectTableQuery(query, after)), [tenant.slug, query]);
  useEffect(() => {
    void list.reload();
  }, [list.reload]);
  const columns: ColumnsType<ProjectSummary> = [
    {
      title: '项目名称',
      dataIndex: 'title',
      fixed: 'left',
      width: 240,
      // A long name ends in … and reads whole on hover.
      ellipsis: true,
      onCell: (r) => ({ title: r.title }),
      render: (title: string, p) => <Link to={`/t/${tenant.slug}/projects/${p.id}`}>{title}</Link>,
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: ProjectStatus) => <StatusTag status={s} /> },
    { title: '预警', dataIndex: 'warning', width: 80, render: (w: ProjectSummary['warning'], p) => <WarningLight level={w} reason={p.warningReason} /> },
    { title: '进度', dataIndex: 'progressBp', width: 140, render: (bp: number) => <Progress format={pctText} percent={bpToPct(bp)} size="small" /> },
    { title: '党建联合体', dataIndex: 'allianceName', width: 170, ellipsis: true },
    { title: '认领单位', dataIndex: 'claimOrgNames', width: 220, responsive: ['xxl'],  render: (names: string[]) => (names.length ? names.map((n) => <Tag key={n}>{n}</Tag>) : '—') },
    { title: '负责人', dataIndex: 'ownerName', width: 100, render: (v: string | null, p) => v ?? p.ownerOrgName ?? '—' },
    { title: '经费', dataIndex: 'budgetFen', width: 130, align: 'right', render: (fen: number) => formatFen(fen) },
    { title: '开始日期', dataIndex: 'startOn', width: 110, responsive: ['xxl'],  render: (v: string | null) => v ?? '—' },
    {
      title: '完成期限',
      dataIndex: 'dueOn',
      width: 140,
      render: (v: string, p) => <DueDate date={v} overdue={p.overdue} />,
    },
  ];
  return <CursorTable<ProjectSummary> list={list} columns={columns} emptyText="暂无项目" unit="个" scroll={{ x: 1090 }} data-testid="project-table" />;
}

function ProjectBoardView({ filters }: { filters: Filters }) {
  const { tenant } = useTenant();
  const query = useMemo(() => queryOf(filters), [filters]);
  const whole = useBoardRead(tenant.slug, query);
  // A status filter narrows the board to that column (cancelled projects appear only this way): its own list read.
  const columns = boardColumns(filters.status);
  const first = filters.status ? undefined : whole;
  return (
    <Row gutter={8} wrap={false} className="scrolls-sideways" style={{ overflowX: 'auto' }} data-testid="project-board">
      {columns.map((s) => (
        <Col key={s} flex="1 1 0" style={{ minWidth: 210 }}>
          <BoardColumn status={s} query={query} first={first} />
        </Col>
      ))}
    </Row>
  );
}

export default function ProjectsPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [filterForm] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const view = filters.view === 'table' ? 'table' : 'board';

  useEffect(() => {
    filterForm.resetFields();
    filterForm.setFieldsValue(filters);
  }, [filterForm, filters]);

  const exportXlsx = async () => {
    try {
      message.success(`已导出：${await projectApi.export(tenant.slug, queryOf(filters))}`);
    } catch (err) {
      message.error(`导出失败：${errorText(err)}`);
    }
  };

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={filterForm} layout="inline" name="project-filters" onFinish={(v) => applyFilters({ ...v, view: filters.view })} style={{ rowGap: 8 }}>
          <Form.Item name="q" label="关键词">
            <Input placeholder="项目名称" allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="allianceId" label="党建联合体">
            <AllianceFilter tenant={tenant.slug} width={240} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select options={STATUS_OPTIONS} allowClear placeholder="全部（不含已取消）" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="warning" label="预警">
            <Select options={WARNING_OPTIONS} allowClear placeholder="全部" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="overdue" label="逾期">
            <Select
              options={[
                { value: 'true', label: '已逾期' },
                { value: 'false', label: '未逾期' },
              ]}
              allowClear
              placeholder="全部"
              style={{ width: 100 }}
            />
          </Form.Item>
          <Form.Item name="claimOrgId" label="认领单位">
            <OrgPicker tenant={tenant.slug} placeholder="搜索党组织" style={{ width: 200 }} />
          </Form.Item>
          <FilterActions onReset={() => applyFilters({ view: filters.view })} />
        </Form>
      </Card>
      <Card
        size="small"
        title={
          <Space>
            <span>项目清单</span>
            {filters.status && <Typography.Text type="secondary">（{PROJECT_STATUS_LABELS[filters.status as ProjectStatus]}）</Typography.Text>}
          </Space>
        }
        extra={
          <Space>
            <Segmented
              value={view}
              onChange={(v) => applyFilters({ ...filters, view: v === 'table' ? 'table' : undefined })}
              options={[
                { value: 'board', label: '看板', icon: <AppstoreOutlined /> },
                { value: 'table', label: '列表', icon: <TableOutlined /> },
              ]}
              data-testid="project-view"
            />
            <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
              导出 Excel
            </Button>
            {!tenant.readOnly && (
              <ActionButton action="project.manage" what="新建项目" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建项目
              </ActionButton>
            )}
          </Space>
        }
      >
        {view === 'table' ? (
          <ProjectTable filters={filters} />
        ) : (
          <ProjectBoardView filters={filters} />
        )}
      </Card>
      {creating && (
        <Suspense fallback={null}>
          <ProjectFormModal
            open
            allianceId={filters.allianceId}
            onClose={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false);
              navigate(`/t/${tenant.slug}/projects/${saved.value.id}`);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
