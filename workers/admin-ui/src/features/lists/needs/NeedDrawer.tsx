import { LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ReasonBodySchema } from '@ronghe/schema';
import { errorText } from '../../../api/client.ts';
import { needApi, type MatchSuggestions, type NeedView } from '../../../api/list-endpoints.ts';
import { dash } from '../../../lib/dash.ts';
import { ItemDrawer, useDrawerItem } from '../../../lib/ItemDrawer.tsx';
import { PromptModal } from '../../../lib/PromptModal.tsx';
import { QuantityBar } from '../../../lib/QuantityBar.tsx';
import { formatTime } from '../../../lib/time.ts';
import { reloadingOnStale } from '../../../lib/useVersioned.ts';
import { useTenant } from '../../../tenant.tsx';
import { NEED_STATUS_COLORS, NEED_STATUS_LABELS, type NeedStatus, urgencyColor, urgencyLabel } from './labels.ts';
import { NeedFormModal } from './NeedFormModal.tsx';
import { MatchReasons } from '../matching/MatchReasons.tsx';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  needId: string | null;
  onClose(): void;
  /** After any write: the list shows the new state of the row. */
  onChanged(need: NeedView): void;
}

const reasonSchema = ReasonBodySchema.shape.reason;
type Decision = 'withdraw' | 'close';
const DECISIONS: Record<Decision, { title: string; ok: string; intro: string }> = {
  withdraw: { title: '撤回需求', ok: '撤回', intro: '撤回后需求不再参与对接；已承诺的数量将被释放。' },
  close: { title: '关闭需求', ok: '关闭', intro: '关闭表示不再继续对接（如已通过其他途径解决）；已完成的数量保留。' },
};

/** A need at a glance: its quantities, where it is, who raised it, and the resources that could meet it. */
export function NeedDrawer({ needId, onClose, onChanged }: Props) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const { item: need, loading, error, reload, changed, refresh } = useDrawerItem(tenant.slug, needId, needApi.get, onChanged);
  const [suggestions, setSuggestions] = useState<MatchSuggestions | null>(null);
  const [suggestError, setSuggestError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);

  useEffect(() => {
    setSuggestions(null);
    setSuggestError(null);
  }, [needId]);

  // Suggestions only for needs that can still take resources.
  const n = need?.value;
  const matchable = !!n && n.can.match && n.remainingQty > 0;
  useEffect(() => {
    if (!needId || !matchable) return;
    let live = true;
    needApi
      .suggestions(tenant.slug, needId, 5)
      .then((s) => live && setSuggestions(s))
      .catch((err) => live && setSuggestError(errorText(err)));
    return () => {
      live = false;
    };
  }, [tenant.slug, needId, matchable, n?.version]);

  const decide = async (values: Record<string, string | undefined>) => {
    if (!need || !decision) return;
    const write = decision === 'withdraw' ? needApi.withdraw : needApi.close;
    changed(await reloadingOnStale(refresh, () => write(tenant.slug, need.value.id, need.etag, values.reason ?? '')));
    message.success(`${DECISIONS[decision].title}：已完成`);
    setDecision(null);
  };

  const matchLink = n ? `/t/${tenant.slug}/matching?allianceId=${encodeURIComponent(n.allianceId)}&needId=${encodeURIComponent(n.id)}` : '';
  return (
    <ItemDrawer
      open={!!needId}
      onClose={onClose}
      size={640}
      title={n ? n.title : '需求详情'}
      data-testid="need-drawer"
      loading={loading}
      error={error}
      onReload={() => void reload()}
      onEdit={n?.can.update ? () => setEditing(true) : undefined}
      actions={
        n && (
          <>
            {n.can.close && <Button onClick={() => setDecision('close')}>关闭需求</Button>}
            {n.can.withdraw && (
              <Button danger onClick={() => setDecision('withdraw')}>
                撤回
              </Button>
            )}
          </>
        )
      }
      modals={
        <>
          <NeedFormModal
            open={editing}
            need={need ?? undefined}
            onClose={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              changed(saved);
            }}
            onStale={refresh}
          />
          <PromptModal
            open={decision !== null}
            title={decision && n ? `${DECISIONS[decision].title}：${n.title}` : ''}
            okText={decision ? DECISIONS[decision].ok : '确定'}
            danger={decision === 'withdraw'}
            intro={decision ? DECISIONS[decision].intro : undefined}
            formName={`need-${decision ?? 'decision'}`}
            fields={[{ name: 'reason', label: '原因', kind: 'textarea', required: true, schema: reasonSchema, rows: 3 }]}
            onSubmit={decide}
            onClose={() => setDecision(null)}
          />
        </>
      }
    >
      {n && (
        <>
          <Space wrap>
            <Tag color={NEED_STATUS_COLORS[n.status as NeedStatus]} data-testid="need-status">
              {NEED_STATUS_LABELS[n.status as NeedStatus]}
            </Tag>
            <Tag color={urgencyColor(n.urgency)}>{urgencyLabel(n.urgency)}</Tag>
            {n.overdue && <Tag color="red">已逾期</Tag>}
            <Typography.Text type="secondary">
              {n.categoryName} · {n.source}
            </Typography.Text>
          </Space>
          {n.closedReason && <Alert type="info" showIcon title={`${n.status === 'cancelled' ? '撤回' : '关闭'}原因：${n.closedReason}`} />}
          <QuantityBar quantity={n.quantity} committed={n.committedQty} inDelivery={n.inDeliveryQty} fulfilled={n.fulfilledQty} unit={n.unit} detailed />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="党建联合体" span={2}>
              <Link to={`/t/${tenant.slug}/alliances/${n.allianceId}`}>{n.allianceName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="数量">
              {n.quantity} {n.unit}
            </Descriptions.Item>
            <Descriptions.Item label="待对接">{n.status === 'closed' || n.status === 'cancelled' ? '—' : `${n.remainingQty} ${n.unit}`}</Descriptions.Item>
            <Descriptions.Item label="截止日期">
              <Typography.Text type={n.overdue ? 'danger' : undefined}>{n.deadline}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="地点">{dash(n.placeName)}</Descriptions.Item>
            <Descriptions.Item label="网格">{dash(n.gridName)}</Descriptions.Item>
            <Descriptions.Item label="地址">{dash(n.address)}</Descriptions.Item>
            {n.lat !== null && (
              <Descriptions.Item label="坐标" span={2}>
                {n.lat}, {n.lng}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="提出单位">{dash(n.raisedByOrgName)}</Descriptions.Item>
            <Descriptions.Item label="提出人">
              {dash(n.raiserName)}
              {n.raiserPhone ? ` · ${n.raiserPhone}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="描述" span={2}>
              {dash(n.description)}
            </Descriptions.Item>
            <Descriptions.Item label="登记时间">{formatTime(n.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="更新时间">{formatTime(n.updatedAt)}</Descriptions.Item>
          </Descriptions>

          {matchable && (
            <div data-testid="need-suggestions">
              <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
                <Typography.Text strong>推荐资源</Typography.Text>
                <Link to={matchLink}>
                  <LinkOutlined /> 去需求对接
                </Link>
              </Space>
              {n.overdue && <Alert type="warning" showIcon title="需求已过截止日期，不参与对接。请在“逾期需求复核”中延长截止日期或关闭。" />}
              {suggestError && <Alert type="warning" showIcon title={`无法计算推荐：${suggestError}`} />}
              {!suggestions && !suggestError && <Spin size="small" />}
              {suggestions && suggestions.suggestions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无符合条件的资源" />}
              {suggestions && suggestions.suggestions.length > 0 && (
                <List
                  size="small"
                  bordered
                  dataSource={suggestions.suggestions}
                  renderItem={(s, i) => (
                    <List.Item key={s.resource.id}>
                      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                        <Space wrap>
                          <Typography.Text strong>
                            {i + 1}. {s.resource.title}
                          </Typography.Text>
                          <Typography.Text type="secondary">
                            {s.resource.offeringOrgName} · 可对接 {s.quantity} {s.resource.unit}
                          </Typography.Text>
                        </Space>
                        <MatchReasons reasons={s.reasons} />
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </div>
          )}
        </>
      )}
    </ItemDrawer>
  );
}
