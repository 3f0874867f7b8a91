import { useCallback, useEffect, useState } from 'react';
import { antIsland } from '../../lib/ant-island.tsx';
import { lazyWhenOpen } from '../../lib/lazy-when-open.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { Button } from '../../light/Button.tsx';
import { Card } from '../../light/Card.tsx';
import { Space } from '../../light/Space.tsx';
import { Table, type Column } from '../../light/Table.tsx';
import { Tag } from '../../light/Tag.tsx';
import { Text } from '../../light/Typography.tsx';
import { useTenant } from '../../tenant.tsx';
import { POST_STATUS_TEXT, postApi, type Post } from './api.ts';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';

// The page draws without antd (src/light/, docs/adr/0031): the pager is an antd island that loads once
// the list is on screen; the form and the drawer load when first opened.
const TablePager = antIsland(() => import('../../lib/TablePager.tsx').then((m) => m.TablePager));
const CreatePostModal = lazyWhenOpen(() => import('./CreatePostModal.tsx').then((m) => m.CreatePostModal), (p) => p.open);
// Drawn only while a post is open, so each opening reads the post afresh.
const PostWorkDrawer = lazyWhenOpen(() => import('./PostWorkDrawer.tsx').then((m) => m.PostWorkDrawer), () => true);

const PAGE_SIZE = 20;

/** A column's width as antd's table (fixed layout, scroll.x) keeps it: src/light/Table sizes columns only in a fixed layout, so the cell keeps it too. */
const sized = (width: number) => ({ width, onCell: () => ({ style: { width } }) });

/**
 * 报到领岗 for the post owners (a community or an alliance) and the county:
 * set up posts (设岗定责), approve or decline claims (领岗), confirm the
 * service members log. The server decides who owns which post.
 */
export default function PostsPage() {
  const { tenant } = useTenant();
  const [rows, setRows] = useState<Post[]>([]);
  // Loading from the first draw: not 暂无数据 until the effect has asked.
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Post | null>(null);
  const [page, setPage] = useState(1);
  const canManage = tenant.actions.includes('post.manage');

  const load = useCallback(async () => {
    setLoading(true);
    setProblem(null);
    try {
      setRows(await postApi.list(tenant.slug));
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setLoading(false);
    }
  }, [tenant.slug]);
  useEffect(() => void load(), [load]);

  const columns: Column<Post>[] = [
    {
      title: '岗位',
      dataIndex: 'title',
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <Text strong>{v}</Text>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {r.ownerName}
          </Text>
        </Space>
      ),
    },
    { key: 'period', title: '期限', ...sized(200), render: (_: unknown, r) => `${r.startsOn} 至 ${r.endsOn}` },
    { key: 'places', title: '人数', ...sized(100), render: (_: unknown, r) => `${r.taken} / ${r.places}` },
    { title: '特长', dataIndex: 'skills', ...sized(160), render: (v: string[]) => (v.length ? v.map((s) => <Tag key={s}>{s}</Tag>) : '不限') },
    {
      title: '状态',
      dataIndex: 'status',
      ...sized(100),
      render: (v: Post['status'], r) => <Tag color={r.claimable ? 'green' : 'default'}>{r.claimable ? '可领岗' : v === 'open' ? '已满或已结束' : POST_STATUS_TEXT[v]}</Tag>,
    },
    {
      key: 'op',
      title: '操作',
      ...sized(120),
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => setOpen(r)}>
          领岗与服务
        </Button>
      ),
    },
  ];

  // antd's table pages the rows it holds: PAGE_SIZE to a page, the last page once the list has shrunk under the current one.
  const current = Math.min(page, Math.max(1, Math.ceil(rows.length / PAGE_SIZE)));
  const shown = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <Card
      title="报到领岗"
      extra={
        canManage ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            设岗定责
          </Button>
        ) : undefined
      }
    >
      {problem && <ProblemAlert problem={problem} />}
      {/* antd's scroll={{ x: 800 }}: below 800 px the table scrolls sideways inside its card. */}
      <Table<Post> rowKey="id" size="middle" loading={loading} columns={columns} rows={shown} minWidth={800} />
      {/* antd's table shows no pager while it has nothing to count. */}
      {rows.length > 0 && <TablePager small current={current} pageSize={PAGE_SIZE} total={rows.length} onChange={setPage} placeholder={<div style={{ height: 56 }} />} />}
      <CreatePostModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void load();
        }}
      />
      {open && (
        <PostWorkDrawer
          post={open}
          onClose={() => {
            setOpen(null);
            void load();
          }}
        />
      )}
    </Card>
  );
}
