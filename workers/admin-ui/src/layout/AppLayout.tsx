import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  GiftOutlined,
  NodeIndexOutlined,
  FlagOutlined,
  DownOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  ProjectOutlined,
  UnorderedListOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Badge, Button, Dropdown, Layout, Menu, Result, Select, Space, Tag, Typography } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { filingApi } from '../api/alliance-endpoints.ts';
import { HeaderBell } from '../features/workbench/HeaderBell.tsx';
import { decorateMenu, useMenuCounts, workbenchMenuItem } from '../features/workbench/menu.tsx';
import { onFilingsChanged } from '../lib/filingsBadge.ts';
import { permissionsFor } from '../lib/permissions.ts';
import { ADMIN_PAGES, mayOpenAdminPage } from '../pages/accounts/access.ts';
import { adminMenuItems } from '../pages/accounts/adminMenu.tsx';
import { FullPageSpin } from '../lib/FullPageSpin.tsx';
import { defaultTenant, lastTenant, useSession } from '../session.tsx';
import { TenantContext } from '../tenant.tsx';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const { tenant: slug } = useParams();
  const { me, tenants, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const tenant = tenants.find((t) => t.slug === slug);
  const perms = useMemo(() => permissionsFor(tenant, me), [tenant, me]);
  useEffect(() => {
    if (tenant) lastTenant.set(tenant.slug);
  }, [tenant]);

  // Unread 备案 in the sidebar: counted on entering a page and whenever a filing is read or made.
  const [unreadFilings, setUnreadFilings] = useState(0);
  const filingsSlug = tenant && perms.canReadFilings ? tenant.slug : null;
  const section = location.pathname.split('/')[3];
  useEffect(() => {
    if (!filingsSlug) {
      setUnreadFilings(0);
      return;
    }
    let alive = true;
    const count = () =>
      filingApi
        .list(filingsSlug, { state: 'unread', limit: 1 })
        .then((p) => alive && setUnreadFilings(p.unread))
        .catch(() => undefined); // the badge is a hint; the inbox page reports errors
    void count();
    const off = onFilingsChanged(() => void count());
    return () => {
      alive = false;
      off();
    };
  }, [filingsSlug, section]);
  // 工作台 counts beside the menu entries where the to-dos are done.
  const menuCounts = useMenuCounts(tenant?.slug ?? null, section);

  if (!tenant) {
    const fallback = defaultTenant(tenants);
    return (
      <Result
        status="403"
        title="无权访问该旗县区"
        subTitle="您的账号没有该旗县区的角色。"
        extra={
          fallback && (
            <Button type="primary" onClick={() => navigate(`/t/${fallback.slug}/orgs`)}>
              前往{fallback.name}
            </Button>
          )
        }
      />
    );
  }

  // The page within the tenant ("orgs", "audit", "profile") survives a tenant switch.
  const page = location.pathname.split('/')[3] ?? 'workbench';
  const selected = ['workbench', 'orgs', 'alliances', 'needs', 'resources', 'matching', 'categories', 'projects', 'supervision', 'filings', 'red', 'audit', 'profile', ...ADMIN_PAGES].includes(page) ? page : 'orgs';
  const menuItems = [
    workbenchMenuItem,
    { key: 'orgs', icon: <ApartmentOutlined />, label: '党组织管理' },
    // Alliances, filings and routes live in the counties; the city reads them by switching into one.
    ...(tenant.kind === 'county' ? [{ key: 'alliances', icon: <ClusterOutlined />, label: '党建联合体' }] : []),
    // 三张清单 (issue 4): needs, resources and matching join this group; projects and supervision live here.
    ...(tenant.kind === 'county'
      ? [
          {
            key: 'lists',
            icon: <UnorderedListOutlined />,
            label: '三张清单',
            children: [
              { key: 'needs', icon: <FileSearchOutlined />, label: '需求清单' },
              { key: 'resources', icon: <GiftOutlined />, label: '资源清单' },
              { key: 'matching', icon: <NodeIndexOutlined />, label: '需求对接' },
              { key: 'projects', icon: <ProjectOutlined />, label: '项目清单' },
              { key: 'supervision', icon: <AlertOutlined />, label: '督办预警' },
            ],
          },
        ]
      : []),
    ...(perms.canReadFilings
      ? [
          {
            key: 'filings',
            icon: <FileDoneOutlined />,
            label: (
              <Space size={6}>
                <span>备案管理</span>
                {unreadFilings > 0 && <Badge count={unreadFilings} size="small" overflowCount={99} data-testid="filings-badge" />}
              </Space>
            ),
          },
        ]
      : []),
    ...(tenant.kind === 'county' ? [{ key: 'red', icon: <FlagOutlined />, label: '红色风景线/片区' }] : []),
    ...(perms.canReadAudit ? [{ key: 'audit', icon: <AuditOutlined />, label: '审计日志' }] : []),
    ...adminMenuItems(tenant, tenants),
    { key: 'profile', icon: <UserOutlined />, label: '个人中心' },
  ];

  const switchTo = (next: string) => {
    const nextTenant = tenants.find((t) => t.slug === next);
    // The city rollup is not a page of a county; other administration pages only where permitted.
    const target =
      (page === 'audit' && !permissionsFor(nextTenant, me).canReadAudit) ||
      (page === 'filings' && !permissionsFor(nextTenant, me).canReadFilings) ||
      (['alliances', 'red', 'needs', 'resources', 'matching', 'categories', 'projects', 'supervision'].includes(page) && nextTenant?.kind !== 'county') ||
      selected === 'city' ||
      !mayOpenAdminPage(selected, nextTenant, tenants)
        ? 'orgs'
        : selected;
    navigate(`/t/${next}/${target}`);
  };

  const city = tenants.filter((t) => t.kind === 'city');
  const counties = tenants.filter((t) => t.kind !== 'city');
  const option = (t: (typeof tenants)[number]) => ({
    value: t.slug,
    label: t.readOnly ? `${t.name}（只读）` : t.name,
  });
  const tenantOptions = [
    ...(city.length ? [{ label: '市级', options: city.map(option) }] : []),
    ...(counties.length ? [{ label: '旗县区', options: counties.map(option) }] : []),
  ];

  return (
    <TenantContext.Provider value={{ tenant, perms }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider
          collapsible
          collapsed={collapsed}
          // On a phone (390 px) the menu folds to its icons, leaving the page the width.
          breakpoint="md"
          onBreakpoint={setCollapsed}
          trigger={null}
          width={208}
          theme="dark"
          // The menu stays in view while a long list scrolls.
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div className="app-logo" title="融合党建管理平台">
            <span style={{ fontSize: 20 }}>☭</span>
            {!collapsed && <span>融合党建管理平台</span>}
          </div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={['lists']}
            items={decorateMenu(menuItems, menuCounts)}
            onClick={({ key }) => navigate(`/t/${tenant.slug}/${key}`)}
          />
        </Sider>
        <Layout>
          <Header className="app-header" style={{ position: 'sticky', top: 0, zIndex: 10 }}>
            <Space size="middle">
              <Button
                type="text"
                aria-label={collapsed ? '展开菜单' : '收起菜单'}
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed(!collapsed)}
              />
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="current-tenant">
                {tenant.name}委组织部
              </Typography.Text>
              {tenant.readOnly && (
                <Tag color="orange" data-testid="readonly-tag">
                  只读
                </Tag>
              )}
              {tenants.length > 1 && (
                <Space size={4}>
                  <SwapOutlined style={{ color: '#999' }} />
                  <Select
                    aria-label="旗县区切换"
                    id="tenant-switcher"
                    data-testid="tenant-switcher"
                    value={tenant.slug}
                    options={tenantOptions}
                    onChange={switchTo}
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 200 }}
                    placeholder="旗县区切换"
                  />
                </Space>
              )}
            </Space>
            <Space size={4}>
              <HeaderBell tenant={tenant.slug} />
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'profile', icon: <UserOutlined />, label: '个人中心' },
                    { type: 'divider' },
                    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
                  ],
                  onClick: async ({ key }) => {
                    if (key === 'profile') navigate(`/t/${tenant.slug}/profile`);
                    if (key === 'logout') {
                      await logout();
                      navigate('/login', { replace: true });
                    }
                  },
                }}
              >
                <Button type="text" data-testid="user-menu">
                  <Space>
                    <Avatar size="small" icon={<UserOutlined />} style={{ background: '#c8161d' }} />
                    {me?.displayName ?? me?.username}
                    <DownOutlined style={{ fontSize: 10 }} />
                  </Space>
                </Button>
              </Dropdown>
            </Space>
          </Header>
          <Content style={{ padding: 16, minWidth: 0 }}>
            <Suspense fallback={<FullPageSpin />}>
              {/* keyed by tenant: a switch starts every page afresh instead of mixing two counties' data */}
              <div key={tenant.slug} style={{ height: '100%' }}>
                <Outlet />
              </div>
            </Suspense>
          </Content>
        </Layout>
      </Layout>
    </TenantContext.Provider>
  );
}
