import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Versioned } from '../api/endpoints.ts';
import { useVersioned } from './useVersioned.ts';

interface Props {
  open: boolean;
  onClose(): void;
  size: number;
  /** The item's name once read; the placeholder (需求详情) before. */
  title: string;
  'data-testid'?: string;
  /** From useVersioned. */
  loading: boolean;
  error: string | null;
  onReload(): void;
  /** 编辑 shows when set (the item allows it). */
  onEdit?: () => void;
  /** The item's other buttons (关闭, 撤回…); shown once the item is read. */
  actions?: ReactNode;
  /** The item's body; null until it is read. */
  children: ReactNode;
  /** Modals that belong to the item (its edit form, its decisions). */
  modals?: ReactNode;
}

/** A list item opened beside its list: 刷新 and the item's own buttons in the header, the read error or a spinner until the body can show. */
export function ItemDrawer({ open, onClose, size, title, loading, error, onReload, onEdit, actions, children, modals, ...rest }: Props) {
  const ready = children !== null && children !== undefined && children !== false;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      title={title}
      data-testid={rest['data-testid']}
      extra={
        ready && (
          <Space>
            <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={onReload} loading={loading} />
            {onEdit && (
              <Button icon={<EditOutlined />} onClick={onEdit}>
                编辑
              </Button>
            )}
            {actions}
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!ready && !error && <Spin style={{ width: '100%', marginTop: 60 }} />}
      {ready && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {children}
        </Space>
      )}
      {modals}
    </Drawer>
  );
}

/**
 * The item a list's drawer shows, read by id. Every new copy (after a write, or
 * read afresh after a 412) is handed to the list as well, so its row shows the same.
 */
export function useDrawerItem<T>(tenant: string, id: string | null, get: (tenant: string, id: string) => Promise<Versioned<T>>, onChanged: (item: T) => void) {
  const v = useVersioned(tenant, id, get);
  const changed = (next: Versioned<T>) => {
    v.setItem(next);
    onChanged(next.value);
  };
  const refresh = async () => {
    const fresh = await v.reload();
    if (fresh) onChanged(fresh.value);
    return fresh;
  };
  return { item: v.item, loading: v.loading, error: v.error?.text ?? null, reload: v.reload, changed, refresh };
}
