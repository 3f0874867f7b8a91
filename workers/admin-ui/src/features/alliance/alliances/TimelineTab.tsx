import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { AllianceEvent } from '../../../api/types.ts';
import { formatTime } from '../../../lib/time.ts';
import type { DocumentTarget } from './DocumentDrawer.tsx';
import { ALLIANCE_STATUS_LABELS, STATUS_COLORS } from './labels.ts';
import type { TabProps } from './tabProps.ts';

const COLORS: Record<string, string> = { approve: 'green', establish: 'green', start: 'green', restore: 'green', reject: 'red', dissolve: 'red', rectify: 'red', withdraw: 'gray' };

function Transition({ e }: { e: AllianceEvent }) {
  if (!e.fromStatus || e.fromStatus === e.toStatus) return <Tag color={STATUS_COLORS[e.toStatus]}>{ALLIANCE_STATUS_LABELS[e.toStatus]}</Tag>;
  return (
    <span>
      <Tag>{ALLIANCE_STATUS_LABELS[e.fromStatus]}</Tag>→ <Tag color={STATUS_COLORS[e.toStatus]}>{ALLIANCE_STATUS_LABELS[e.toStatus]}</Tag>
    </span>
  );
}

/** Every transition with its actor, date and the document or reason behind it (seed 000 §7–8). */
export function TimelineTab({ alliance, openDocument }: TabProps & { openDocument(t: DocumentTarget): void }) {
  const a = alliance.value;
  const docTitle = (id: string) => a.documents.find((d) => d.id === id)?.title ?? '查看文书';
  if (a.timeline.length === 0) return <Empty description="暂无记录" />;
  return (
    <Card size="small" title="时间轴">
      <Timeline
        data-testid="alliance-timeline"
        // The date is a short label; the default half-and-half split leaves the events cramped.
        titleSpan="100px"
        items={a.timeline.map((e) => ({
          key: e.id,
          color: COLORS[e.action] ?? '#1677ff',
          title: e.onDate,
          content: (
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                <Transition e={e} />
              </Space>
              <Typography.Text type="secondary">
                {e.actorName} · 记录于 {formatTime(e.at)}
              </Typography.Text>
              {e.reason && <Typography.Text>{e.reason}</Typography.Text>}
              {e.documentId && <Typography.Link onClick={() => openDocument({ mode: 'view', docId: e.documentId! })}>{docTitle(e.documentId)}</Typography.Link>}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
