import { AppstoreOutlined, DownloadOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorText, type Query } from '../../../api/client.ts';
import { projectApi, type ProjectBoard, type ProjectSummary } from '../../../api/project-endpoints.ts';
import { antIsland } from '../../../lib/ant-island.tsx';
import { lazyWhenOpen } from '../../../lib/lazy-when-open.tsx';
import { bpToPct, formatFen } from '../../../lib/money.ts';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { Alert } from '../../../light/Alert.tsx';
import { Button } from '../../../light/Button.tsx';
import { Card } from '../../../light/Card.tsx';
import { CursorTable } from '../../../light/CursorTable.tsx';
import { Empty } from '../../../light/Empty.tsx';
import { Col, Row } from '../../../light/Grid.tsx';
import { Progress } from '../../../light/Progress.tsx';
import { Segmented } from '../../../light/Segmented.tsx';
import { Space } from '../../../light/Space.tsx';
import { Spin } from '../../../light/Spin.tsx';
import type { Column } from '../../../light/Table.tsx';
import { Tag } from '../../../light/Tag.tsx';
import { Text } from '../../../light/Typography.tsx';
import { useTenant } from '../../../tenant.tsx';
import { boardColumnQuery, boardQuery, PROJECT_FILTER_KEYS, projectQueryOf, projectTableQuery, type ProjectFilters as Filters } from '../first-reads.ts';
import { boardColumns, DueDate, PROJECT_STATUS_LABELS, StatusTag, WarningLight, type ProjectStatus, pctText } from './labels.tsx';
import { ActionButton } from '../../../light/ActionButton.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import { useFeedback } from '../../../lib/feedback.tsx';
import { FiltersPlaceholder } from '../../../light/FiltersPlaceholder.tsx';
// The form (and the zod schemas it validates with, the 56.6 KB gzip `schema` chunk) loads when
// 新建项目 is clicked, not before the board is drawn (docs/adr/0031).
const ProjectFormModal = lazyWhenOpen(() => import('./ProjectFormModal.tsx').then((m) => m.ProjectFormModal), (p) => p.open);
// The page draws without antd (src/light/, docs/adr/0031); the filter bar is an antd island that
// loads once the board is on screen.
const ProjectFilters = antIsland(() => import('./ProjectFilters.tsx').then((m) => m.ProjectFilters));

const FILTER_KEYS = PROJECT_FILTER_KEYS;
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
        <Text type="secondary" data-testid={`board-count-${status}`}>
          {list.total ?? ''}
        </Text>
      </Space>
      {list.error && <Alert type="error" title={list.error} style={{ marginBottom: 8 }} />}
      {waiting ? (
        <div style={{ textAlign: 'center', marginTop: 24 }}>
          <Spin />
        </div>
      ) : list.rows.length === 0 ? (
        <Empty description="暂无项目" />
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
  const columns: Column<ProjectSummary>[] = [
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
    { title: '进度', dataIndex: 'progressBp', width: 140, render: (bp: number) => <Progress format={pctText} percent={bpToPct(bp)} /> },
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
  return <CursorTable<ProjectSummary> list={list} columns={columns} emptyText="暂无项目" unit="个" minWidth={1090} data-testid="project-table" />;
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

/** An option of antd's Segmented with an icon, as antd draws it. */
function SegmentLabel({ icon, label }: { icon: ReactNode; label: string }) {
  return (
    <>
      <span className="ant-segmented-item-icon">{icon}</span>
      <span>{label}</span>
    </>
  );
}

// The filter bar's items, for its placeholder (light/FiltersPlaceholder.tsx).
const FILTER_ITEM_WIDTHS = [232, 320, 208, 138, 138, 266, 128];

export default function ProjectsPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const view = filters.view === 'table' ? 'table' : 'board';

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
        <ProjectFilters
          filters={filters}
          onApply={(v) => applyFilters({ ...v, view: filters.view })}
          onReset={() => applyFilters({ view: filters.view })}
          placeholder={<FiltersPlaceholder widths={FILTER_ITEM_WIDTHS} />}
        />
      </Card>
      <Card
        size="small"
        title={
          <Space>
            <span>项目清单</span>
            {filters.status && <Text type="secondary">（{PROJECT_STATUS_LABELS[filters.status as ProjectStatus]}）</Text>}
          </Space>
        }
        extra={
          <Space>
            <Segmented
              value={view}
              onChange={(v) => applyFilters({ ...filters, view: v === 'table' ? 'table' : undefined })}
              options={[
                { value: 'board', label: <SegmentLabel icon={<AppstoreOutlined />} label="看板" /> },
                { value: 'table', label: <SegmentLabel icon={<TableOutlined />} label="列表" /> },
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
        <ProjectFormModal
          open
          allianceId={filters.allianceId}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            navigate(`/t/${tenant.slug}/projects/${saved.value.id}`);
          }}
        />
      )}
    </>
  );
}
