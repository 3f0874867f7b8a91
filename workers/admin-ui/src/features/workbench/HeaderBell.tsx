import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatTime } from '../../lib/time.ts';
import { afterPageReads } from '../../api/client.ts';
import { useTenant } from '../../tenant.tsx';
import { onWorkbenchChanged, POLL_MS, workbenchApi, workbenchChanged, type Notification } from './api.ts';

/**
 * The header bell: unread messages of the signed-in person in this tenant,
 * counted again every ~30 s, when the window regains focus and when a message
 * is read anywhere in the app. Opening it shows the latest messages.
 */
export function HeaderBell() {
  const tenant = useTenant().tenant.slug;
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [latest, setLatest] = useState<Notification[]>([]);
  const [open, setOpen] = useState(false);

  const count = useCallback(
    // A hint: it lets the page's own reads go first (api/client.ts).
    () =>
      afterPageReads(() => workbenchApi.notifications(tenant, { limit: 5 }))
        .then((p) => {
          setUnread(p.unread);
          setLatest(p.items);
        })
        .catch(() => undefined), // the badge is a hint; the 工作台 reports errors
    [tenant],
  );

  useEffect(() => {
    void count();
    const timer = window.setInterval(() => void count(), POLL_MS);
    const onFocus = () => void count();
    window.addEventListener('focus', onFocus);
    const off = onWorkbenchChanged(() => void count());
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      off();
    };
  }, [count]);

  const openMessage = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) {
      await workbenchApi.read(tenant, n.id).catch(() => undefined);
      workbenchChanged();
    }
    navigate(n.link);
  };

  const content = (
    <div style={{ width: 'min(320px, calc(100vw - 32px))' }} data-testid="bell-panel">
      {latest.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <List
          size="small"
          dataSource={latest}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer', paddingInline: 0 }} onClick={() => void openMessage(n)}>
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <Typography.Text strong={!n.readAt} ellipsis>
                  {!n.readAt && <Badge status="error" style={{ marginRight: 6 }} />}
                  {n.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(n.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Button
        type="link"
        block
        onClick={() => {
          setOpen(false);
          navigate(`/t/${tenant}/workbench`);
        }}
      >
        查看全部消息
      </Button>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} title="消息">
      <Button type="text" aria-label={unread ? `消息，${unread} 条未读` : '消息'} data-testid="header-bell">
        <Badge count={unread} size="small" overflowCount={99} data-testid="bell-badge">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
