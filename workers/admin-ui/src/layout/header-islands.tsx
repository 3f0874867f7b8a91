import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Result, Select, Space } from 'antd';
import type { ReactNode } from 'react';

// The layout's pieces drawn with antd, each an island (lib/ant-island.tsx) that loads once the page is
// on screen; layout/AppLayout.tsx draws the rest, and a look-alike of each until it has loaded.

export interface TenantOption {
  value: string;
  label: string;
}

/** The header's 旗县区切换: the city, then the counties, searchable by name. */
export function TenantSwitcher({ value, groups, narrow, onChange }: { value: string; groups: { label: string; options: TenantOption[] }[]; narrow: boolean; onChange: (slug: string) => void }) {
  return (
    <Select
      aria-label="旗县区切换"
      id="tenant-switcher"
      data-testid="tenant-switcher"
      value={value}
      options={groups}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: narrow ? 112 : 200 }}
      placeholder="旗县区切换"
    />
  );
}

/** The person's menu: 个人中心 and 退出登录. */
export function UserMenu({ name, narrow, onProfile, onLogout }: { name: string; narrow: boolean; onProfile: () => void; onLogout: () => void }) {
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'profile', icon: <UserOutlined />, label: '个人中心' },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
        ],
        onClick: ({ key }) => (key === 'profile' ? onProfile() : onLogout()),
      }}
    >
      <Button type="text" data-testid="user-menu">
        <Space>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#c8161d' }} />
          {!narrow && name}
          {!narrow && <DownOutlined style={{ fontSize: 10 }} />}
        </Space>
      </Button>
    </Dropdown>
  );
}

/** On a phone the sidebar is a drawer opened from the header. */
export function MenuDrawer({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      width={240}
      closable={false}
      styles={{ body: { padding: 0, background: '#001529' } }}
      data-testid="menu-drawer"
    >
      {children}
    </Drawer>
  );
}

/** A page in place of the page: no role in this county, or a county's page opened in the city. */
export function LayoutResult({ status, title, subTitle, action, onAction, testId }: { status: '403' | 'info'; title: string; subTitle: string; action?: string; onAction?: () => void; testId?: string }) {
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        action && (
          <Button type={status === '403' ? 'primary' : 'default'} onClick={onAction}>
            {action}
          </Button>
        )
      }
      data-testid={testId}
    />
  );
}
