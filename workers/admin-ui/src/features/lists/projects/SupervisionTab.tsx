import { MessageOutlined, SoundOutlined } from '@ant-design/icons';
import { ProjectNoteCreateSchema } from '@ronghe/schema';
import { Button, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { projectApi, type ProjectNote } from '../../../api/project-endpoints.ts';
import { PromptModal } from '../../../lib/PromptModal.tsx';
import { formatTime } from '../../../lib/time.ts';
import { reloadingOnStale } from '../../../lib/useVersioned.ts';
import { NOTE_COLORS, PROJECT_NOTE_KIND_LABELS } from './labels.tsx';
import type { TabProps } from './tabProps.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

type Writing = { kind: 'supervise' | 'reply'; replyTo: ProjectNote | null } | null;

const excerpt = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** 督办: supervisors' notes, the claimants' replies, and what the warning job and the workflow recorded. */
export function SupervisionTab({ tenant, project, onChanged, reload }: TabProps) {
  const p = project.value;
  const { message } = useFeedback();
  const [writing, setWriting] = useState<Writing>(null);
  const byId = new Map(p.notes.map((n) => [n.id, n]));
  // Oldest first: a thread reads top to bottom.
  const notes = [...p.notes].sort((a, b) => a.createdAt - b.createdAt);

  const submit = async (values: Record<string, string | undefined>) => {
    if (!writing) return;
    const body = { kind: writing.kind, body: values.body ?? '', replyToId: writing.replyTo?.id ?? null };
    const next = await reloadingOnStale(reload, () => projectApi.addNote(tenant, p.id, project.etag, body));
    onChanged(next);
    message.success(writing.kind === 'supervise' ? '督办意见已发出' : '办理回复已提交');
    setWriting(null);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space size={4} wrap>
          {(['supervise', 'reply', 'warning', 'escalation', 'event'] as const).map((k) => (
            <Tag key={k} color={NOTE_COLORS[k]}>
              {PROJECT_NOTE_KIND_LABELS[k]}
            </Tag>
          ))}
        </Space>
        <Space>
          {p.can.supervise && (
            <Button type="primary" danger icon={<SoundOutlined />} onClick={() => setWriting({ kind: 'supervise', replyTo: null })}>
              督办
            </Button>
          )}
          {p.can.reply && (
            <Button icon={<MessageOutlined />} onClick={() => setWriting({ kind: 'reply', replyTo: null })}>
              办理回复
            </Button>
          )}
        </Space>
      </Space>
      {notes.length === 0 ? (
        <Empty description="暂无督办记录" />
      ) : (
        <Timeline
          data-testid="supervision-thread"
          titleSpan="120px"
          items={notes.map((n) => {
            const to = n.replyToId ? byId.get(n.replyToId) : undefined;
            return {
              key: n.id,
              color: NOTE_COLORS[n.kind],
              title: n.onDate,
              content: (
                <Space orientation="vertical" size={2} data-testid="supervision-note" data-kind={n.kind}>
                  <Space wrap size={4}>
                    <Tag color={NOTE_COLORS[n.kind]}>{PROJECT_NOTE_KIND_LABELS[n.kind]}</Tag>
                    <Typography.Text type="secondary">
                      {[n.authorName, n.authorOrgName].filter(Boolean).join(' · ') || '系统'} · {formatTime(n.createdAt)}
                    </Typography.Text>
                  </Space>
                  {to && (
                    <Typography.Text type="secondary" style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 8 }}>
                      回复 {PROJECT_NOTE_KIND_LABELS[to.kind]}：{excerpt(to.body)}
                    </Typography.Text>
                  )}
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Text>
                  {n.notified.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      已通知：{n.notified.join('、')}
                    </Typography.Text>
                  )}
                  {p.can.reply && n.kind !== 'reply' && n.kind !== 'event' && (
                    <Typography.Link onClick={() => setWriting({ kind: 'reply', replyTo: n })}>回复</Typography.Link>
                  )}
                </Space>
              ),
            };
          })}
        />
      )}
      <PromptModal
        open={writing !== null}
        title={writing?.kind === 'supervise' ? `督办：${p.title}` : `办理回复：${p.title}`}
        okText={writing?.kind === 'supervise' ? '发出督办' : '提交回复'}
        intro={writing?.replyTo ? `回复${PROJECT_NOTE_KIND_LABELS[writing.replyTo.kind]}：${excerpt(writing.replyTo.body, 80)}` : undefined}
        formName="project-note"
        fields={[
          {
            name: 'body',
            label: writing?.kind === 'supervise' ? '督办意见' : '办理情况',
            kind: 'textarea',
            required: true,
            placeholder: writing?.kind === 'supervise' ? '写明督办事项和办结时限' : '写明已采取的措施和下一步安排',
            schema: ProjectNoteCreateSchema.shape.body,
          },
        ]}
        onSubmit={submit}
        onClose={() => setWriting(null)}
      />
    </Space>
  );
}
