import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert } from '../../light/Alert.tsx';
import { Badge, StatusDot } from '../../light/Badge.tsx';
import { Button } from '../../light/Button.tsx';
import { Card } from '../../light/Card.tsx';
import { Empty } from '../../light/Empty.tsx';
import { Col, Row } from '../../light/Grid.tsx';
import { List, ListItem } from '../../light/List.tsx';
import { Segmented } from '../../light/Segmented.tsx';
import { Space } from '../../light/Space.tsx';
import { Statistic } from '../../light/Statistic.tsx';
import { Tag } from '../../light/Tag.tsx';
import { Link as TextLink, Text, Title } from '../../light/Typography.tsx';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ALLIANCE_STATUS_LABELS, ALLIANCE_STATUSES } from '@ronghe/schema/enums';
import { errorText } from '../../api/client.ts';
import { formatTime } from '../../lib/time.ts';
import { useFirstAnswer } from '../../lib/useFirstAnswer.ts';
import { useSession } from '../../session.tsx';
import { roleLabel } from '../../shared/roleLabel.ts';
import { useTenant } from '../../tenant.tsx';
import { onWorkbenchChanged, POLL_MS, workbenchApi, workbenchChanged, type Notification, type NotificationPage, type Workbench } from './api.ts';
import { EChart, type ChartOption } from '../../shared/EChart.tsx';
import { MESSAGE_PAGE } from './first-reads.ts';
import { useFeedback } from '../../lib/feedback.tsx';

/** The messages' query: the filter, the page size, the cursor of a next page (the same URL as the preload's for 全部). */
const messagesQuery = (filter: 'all' | 'unread', cursor?: string) => ({ unread: filter === 'unread' ? 'true' : undefined, limit: MESSAGE_PAGE, cursor });

type Todo = Workbench['todos'][number];

function TodoCard({ todo }: { todo: Todo }) {
  return (
    <Card
      size="small"
      title={
        <Space size={6} wrap>
          <span>{todo.title}</span>
          <Tag>{roleLabel(todo.role)}</Tag>
        </Space>
      }
      extra={
        <Link to={todo.link} data-testid={`todo-link-${todo.kind}`}>
          去办理
        </Link>
      }
      data-testid={`todo-${todo.kind}`}
      style={{ height: '100%' }}
    >
      <Statistic value={todo.count} suffix="项" valueStyle={{ color: todo.count ? '#c8161d' : '#999' }} data-testid={`todo-count-${todo.kind}`} />
      {todo.items.length > 0 && (
        <List
          split={false}
          items={todo.items.slice(0, 5)}
          render={(o) => (
            <ListItem key={o.id} style={{ paddingInline: 0 }}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Link to={o.link}>{o.label}</Link>
                {o.note && (
                  <Text type="secondary" style={{ fontSize: 12 }}>
                    {o.note}
                  </Text>
                )}
              </Space>
            </ListItem>
          )}
        />
      )}
      {todo.count > 5 && (
        <Link to={todo.link} style={{ fontSize: 12 }}>
          还有 {todo.count - 5} 项…
        </Link>
      )}
    </Card>
  );
}

function Messages({ tenant, onChange }: { tenant: string; onChange: () => void }) {
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  // The latest messages may have been answered before the page was drawn (lib/useFirstAnswer.ts).
  const first = useFirstAnswer(() => workbenchApi.notifications(tenant, messagesQuery(filter)));
  const [page, setPage] = useState<NotificationPage | null>(first.value ?? null);
  const [more, setMore] = useState<Notification[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const me = ++seq.current;
    try {
      const p = await workbenchApi.notifications(tenant, messagesQuery(filter));
      if (me !== seq.current) return;
      setPage(p);
      setMore([]);
      setError(null);
    } catch (err) {
      if (me === seq.current) setError(errorText(err));
    }
  }, [tenant, filter]);

  useEffect(() => {
    if (!first.taken()) void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    const off = onWorkbenchChanged(() => void load());
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [load, first]);

  const items = [...(page?.items ?? []), ...more];
  const cursor = more.length ? null : page?.nextCursor;

  const read = async (n: Notification, go: boolean) => {
    try {
      if (!n.readAt) {
        await workbenchApi.read(tenant, n.id);
        workbenchChanged();
        onChange();
      }
      if (go) navigate(n.link);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const readAll = async () => {
    setBusy(true);
    try {
      const r = await workbenchApi.readAll(tenant);
      message.success(r.marked ? `已将 ${r.marked} 条消息标为已读` : '没有未读消息');
      workbenchChanged();
      onChange();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const loadMore = async () => {
    if (!cursor) return;
    try {
      const p = await workbenchApi.notifications(tenant, messagesQuery(filter, cursor));
      setMore(p.items);
      setPage((old) => (old ? { ...old, nextCursor: p.nextCursor } : old));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Card
      size="small"
      data-testid="messages"
      title={
        <Space size={6}>
          <span>消息</span>
          {!!page?.unread && <Badge count={page.unread} overflowCount={99} data-testid="messages-unread" />}
        </Space>
      }
      extra={
        <Button size="small" icon={<CheckOutlined />} onClick={() => void readAll()} loading={busy} disabled={!page?.unread}>
          全部已读
        </Button>
      }
    >
      <Segmented
        size="small"
        value={filter}
        onChange={setFilter}
        options={[
          { label: '全部', value: 'all' },
          { label: '未读', value: 'unread' },
        ]}
        style={{ marginBottom: 8 }}
      />
      {error && <Alert type="error" title={error} style={{ marginBottom: 8 }} />}
      {items.length === 0 ? (
        <Empty description={filter === 'unread' ? '没有未读消息' : '暂无消息'} />
      ) : (
        <List
          items={items}
          render={(n) => (
            <ListItem
              key={n.id}
              data-testid="message"
              actions={n.readAt ? [] : [<Button key="read" type="link" size="small" onClick={() => void read(n, false)}>标为已读</Button>]}
              style={{ paddingInline: 0 }}
            >
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <TextLink strong={!n.readAt} onClick={() => void read(n, true)}>
                  {!n.readAt && <StatusDot status="error" style={{ marginRight: 6 }} />}
                  {n.title}
                </TextLink>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(n.createdAt)}
                  {n.readAt ? ' · 已读' : ''}
                </Text>
              </Space>
            </ListItem>
          )}
        />
      )}
      {cursor && (
        <Button type="link" block onClick={() => void loadMore()}>
          加载更多
        </Button>
      )}
    </Card>
  );
}

type FiguresView = Workbench['figures'];
type CountyFigures = Exclude<FiguresView, { scope: 'city' }>;
type CityFigures = Extract<FiguresView, { scope: 'city' }>;

/** Alliances by status as bars: the statuses that hold some, and always 已申请, 运行中, 规范整顿. */
function useAllianceChart(byStatus: FiguresView['alliancesByStatus']): ChartOption {
  return useMemo<ChartOption>(() => {
    const shown = ALLIANCE_STATUSES.filter((s) => byStatus[s] > 0 || ['applied', 'active', 'rectifying'].includes(s));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: shown.map((s) => ALLIANCE_STATUS_LABELS[s]), axisLabel: { interval: 0, rotate: shown.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: shown.map((s) => byStatus[s]), itemStyle: { color: '#c8161d' }, barMaxWidth: 32, label: { show: true, position: 'top' } }],
    };
  }, [byStatus]);
}

function Figures({ figures }: { figures: FiguresView }) {
  return figures.scope === 'city' ? <CityKeyFigures figures={figures} /> : <CountyKeyFigures figures={figures} />;
}

/**
 * The 市委组织部's own tenant holds no alliances or lists: every county's figures, as the city rollup
 * sums them (全市概况), with how fresh they are and where the counties' own are read.
 */
function CityKeyFigures({ figures }: { figures: CityFigures }) {
  const { tenant } = useTenant();
  const allianceOption = useAllianceChart(figures.alliancesByStatus);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24}>
        <Card
          size="small"
          title="联合体（全市，按状态）"
          extra={<Link to={`/t/${tenant.slug}/city`}>全市概况</Link>}
          data-testid="figure-alliances"
        >
          <EChart option={allianceOption} testId="chart-alliances" />
          <Text type="secondary" data-testid="figure-as-of">
            {figures.asOf === null ? '尚无各旗县区的汇总数字' : `${figures.counties} 个旗县区的汇总，数据截至 ${formatTime(figures.asOf)}`}
            {figures.staleCounties > 0 && `；${figures.staleCounties} 个旗县区最近一次刷新失败，数字可能过期`}
          </Text>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="需求（全市）" data-testid="figure-needs" style={{ height: '100%' }}>
          <Row gutter={8}>
            <Col span={12}>
              <Statistic title="未满足" value={figures.needs.open} valueStyle={{ color: '#d48806' }} />
            </Col>
            <Col span={12}>
              <Statistic title="已满足" value={figures.needs.met} valueStyle={{ color: '#389e0d' }} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="项目（全市）" data-testid="figure-projects" style={{ height: '100%' }}>
          <Row gutter={8}>
            <Col span={8}>
              <Statistic title="在办" value={figures.projects.open} />
            </Col>
            <Col span={8}>
              <Statistic title="逾期" value={figures.projects.overdue} valueStyle={{ color: figures.projects.overdue ? '#cf1322' : undefined }} />
            </Col>
            <Col span={8}>
              <Statistic title="已完成" value={figures.projects.completed} valueStyle={{ color: '#389e0d' }} />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}

function CountyKeyFigures({ figures }: { figures: CountyFigures }) {
  const allianceOption = useAllianceChart(figures.alliancesByStatus);
  const needOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '65%'],
          center: ['50%', '42%'],
          label: { formatter: '{c}' },
          data: [
            { name: '未对接', value: figures.needs.open, itemStyle: { color: '#faad14' } },
            { name: '部分满足', value: figures.needs.partlyMet, itemStyle: { color: '#1677ff' } },
            { name: '已满足', value: figures.needs.met, itemStyle: { color: '#52c41a' } },
          ],
        },
      ],
    }),
    [figures],
  );
  const w = figures.projectsByWarning;
  return (
    // The status chart takes the row; 需求 and 在办项目预警 share the next. In three columns beside the
    // messages, the donut's card was ~190 px wide and cut off the counts it labels outside the ring.
    <Row gutter={[12, 12]}>
      <Col xs={24}>
        <Card size="small" title={figures.scope === 'tenant' ? '联合体（全旗县区，按状态）' : '联合体（本人相关，按状态）'} data-testid="figure-alliances">
          <EChart option={allianceOption} testId="chart-alliances" />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="需求" data-testid="figure-needs">
          {/* A ring of three zeros would be drawn as three equal thirds. */}
          {figures.needs.open + figures.needs.partlyMet + figures.needs.met > 0 ? <EChart option={needOption} testId="chart-needs" /> : <Empty description="暂无需求" />}
          <Text type={figures.needs.overdue ? 'danger' : 'secondary'}>逾期未满足 {figures.needs.overdue} 条</Text>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        {/* Three numbers read better than a chart. */}
        <Card size="small" title="在办项目预警" data-testid="figure-projects" style={{ height: '100%' }}>
          <Row gutter={8}>
            <Col span={8}>
              <Statistic title="红色" value={w.red} valueStyle={{ color: '#cf1322' }} />
            </Col>
            <Col span={8}>
              <Statistic title="黄色" value={w.yellow} valueStyle={{ color: '#d48806' }} />
            </Col>
            <Col span={8}>
              <Statistic title="正常" value={w.green} valueStyle={{ color: '#389e0d' }} />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}

/** 工作台: the landing page of every role — what waits for me, what I was told, how my part of the county stands. */
export default function WorkbenchPage() {
  const { tenant } = useTenant();
  const { me } = useSession();
  const first = useFirstAnswer(() => workbenchApi.get(tenant.slug));
  const [data, setData] = useState<Workbench | null>(first.value ?? null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(!first.value);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const w = await workbenchApi.get(tenant.slug);
      if (mine !== seq.current) return;
      setData(w);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(errorText(err));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [tenant.slug]);

  useEffect(() => {
    if (!first.taken()) void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    const off = onWorkbenchChanged(() => void load());
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [load, first]);

  const todos = data?.todos ?? [];
  const waiting = todos.filter((t) => t.count > 0);
  const idle = todos.filter((t) => t.count === 0);

  return (
    <div data-testid="workbench-page" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Title level={4} style={{ margin: 0 }}>
          工作台
        </Title>
        <Space wrap>
          <Text type="secondary">{me?.displayName}，您好</Text>
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" title="工作台加载失败" description={error} />}

      <Card size="small" title={<span data-testid="todo-total">待办{data ? `（${data.todoCount}）` : ''}</span>} loading={loading && !data}>
        {todos.length === 0 ? (
          <Empty description="暂无待办事项" data-testid="no-todos" />
        ) : (
          <Row gutter={[12, 12]}>
            {[...waiting, ...idle].map((t) => (
              <Col key={`${t.role}-${t.kind}`} xs={24} md={12} xl={8}>
                <TodoCard todo={t} />
              </Col>
            ))}
          </Row>
        )}
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Messages tenant={tenant.slug} onChange={() => void load()} />
        </Col>
        <Col xs={24} xl={14}>{data && <Figures figures={data.figures} />}</Col>
      </Row>
    </div>
  );
}
