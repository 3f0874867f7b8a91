import { DownOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Suspense, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Me, Tenant } from '../api/types.ts';
import { permissionsFor } from '../lib/permissions.ts';
import { FullPageSpin } from '../lib/FullPageSpin.tsx';
import { useNarrowWindow } from '../lib/useNarrowWindow.ts';
import { defaultTenant, lastTenant, useSession } from '../session.tsx';
import { roleSeat } from '../shared/roleLabel.ts';
import { TenantContext } from '../tenant.tsx';
import { inCounty, preloadAddress, type MenuCounts, type MenuEntry, type TenantPage, type Where } from './feature.ts';
import { homePageOf, homePath } from './home.ts';
import { IslandFailureNotice } from './IslandFailureNotice.tsx';
import { SideNav } from './SideNav.tsx';
import { antIsland } from '../lib/ant-island.tsx';
import { lazyWhenOpen } from '../lib/lazy-when-open.tsx';
import { Button } from '../light/Button.tsx';
import { cx, THEME_CLASS } from '../light/cx.ts';
import { Space } from '../light/Space.tsx';
import { Tag } from '../light/Tag.tsx';
import { Text } from '../light/Typography.tsx';

// The layout draws without antd (docs/adr/0031): a cold page load shows the sidebar, the header and
// the page's data before antd's code has run. Its antd pieces are islands, drawn as look-alikes
// until antd has loaded; the phone's drawer loads when first opened.
const islands = () => import('./header-islands.tsx');
const TenantSwitcher = antIsland(() => islands().then((m) => m.TenantSwitcher));
const UserMenu = antIsland(() => islands().then((m) => m.UserMenu));
const LayoutResult = antIsland(() => islands().then((m) => m.LayoutResult));
const MenuDrawer = lazyWhenOpen(() => islands().then((m) => m.MenuDrawer), (p) => p.open);

const SIDER_WIDTH = 208;
const SIDER_FOLDED = 80;

/** antd's small user avatar, as the user menu draws it. */
const avatar = (
  <span style={{ background: '#c8161d' }} className={cx('ant-avatar ant-avatar-sm ant-avatar-circle ant-avatar-icon', THEME_CLASS, 'ant-avatar-css-var')}>
    <UserOutlined />
  </span>
);

interface Props {
  /** Every feature's pages under /t/:tenant/ (routes.tsx). */
  pages: readonly TenantPage[];
  /** The sidebar, top to bottom (menu.tsx). */
  menu: readonly MenuEntry[];
  /** Feature components placed in the header next to the user menu. */
  header: readonly ComponentType[];
  /** Counts features draw beside the sidebar entries (routes.tsx). */
  counts: readonly MenuCounts[];
}

const firstSegment = (path: string) => path.split('/')[0]!;
const allKeys = (entries: readonly MenuEntry[]): string[] => entries.flatMap((e) => [e.key, ...allKeys(e.children ?? [])]);
/** Whether the entry with this key, or a group it is in (三张清单), is shown in counties only; undefined: no such entry. */
function countiesOnly(entries: readonly MenuEntry[], key: string, inherited = false): boolean | undefined {
  for (const e of entries) {
    const here = inherited || e.shownIn === inCounty;
    if (e.key === key) return here;
    const below = countiesOnly(e.children ?? [], key, here);
    if (below !== undefined) return below;
  }
  return undefined;
}

/**
 * Who the user is here, as they would introduce themselves: the unit each grant in this tenant
 * is scoped to and the seat held there (铁南街道党工委 · 审核人); an unscoped administrator's unit
 * is the organization department of the tenant.
 */
export function whoAmI(me: Me | null, tenant: Tenant, tenants: readonly Tenant[]): string {
  const here = (me?.grants ?? []).filter((g) => g.tenant === tenant.slug);
  const unitOf = (g: Me['grants'][number]) => g.scopeOrgName ?? g.scopeAllianceName ?? (g.role === 'member' ? tenant.name : `${tenant.name}委组织部`);
  const seen = [...new Set(here.map((g) => `${unitOf(g)} · ${roleSeat(g.role)}`))];
  // A city administrator reading a county holds no grant there: they read it as the city's department.
  const city = tenants.find((t) => t.kind === 'city');
  if (seen.length === 0 && tenant.roles.includes('city_admin')) return `${city?.name ?? '赤峰市'}委组织部 · ${roleSeat('city_admin')}`;
  return seen.join('；');
}

/** antd's Sider at a width. */
const siderWidth = (w: number) => ({ flex: `0 0 ${w}px`, maxWidth: w, minWidth: w, width: w });

/** Every feature's count loader around the sidebar, so each loads once for all entries. */
const withCounts = (counts: readonly MenuCounts[], sidebar: ReactNode) =>
  counts.reduceRight<ReactNode>((inner, { Provider }) => <Provider>{inner}</Provider>, sidebar);

export function AppLayout({ pages, menu, header, counts }: Props) {
  const { tenant: slug } = useParams();
  const { me, tenants, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // Below md (a phone, 390 px) the sidebar becomes a drawer opened from the header, so the page
  // has the whole width; the header keeps what must stay in reach — the menu toggle, the tenant
  // switcher, the features' pieces (the bell) and the user menu — and drops the words.
  const narrow = useNarrowWindow();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Choosing a page closes the drawer.
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const tenant = tenants.find((t) => t.slug === slug);
  const perms = useMemo(() => permissionsFor(tenant, me), [tenant, me]);
  // One value while the tenant and the roles stay: every page below reads it.
  const inTenant = useMemo(() => (tenant ? { tenant, perms } : null), [tenant, perms]);
  useEffect(() => {
    if (tenant && me) lastTenant.set(me.username, tenant.slug);
  }, [tenant, me]);

  if (!tenant) {
    const fallback = defaultTenant(tenants, me?.username);
    return (
      <LayoutResult
        status="403"
        title="无权访问该旗县区"
        subTitle="您的账号没有该旗县区的角色。"
        action={fallback && `前往${fallback.name}`}
        onAction={fallback && (() => navigate(homePath(fallback.slug, fallback)))}
      />
    );
  }

  // The page within the tenant ("orgs", "audit", "profile") survives a tenant switch where it exists there.
  const where: Where = { tenant, tenants, me, perms };
  const home = homePageOf(tenant);
  const page = location.pathname.split('/')[3] ?? home;
  const known = pages.find((p) => firstSegment(p.path) === page);
  const selected = known ? page : home;
  // The sidebar entry to highlight: the longest entry key the path starts with ('my/checkin' over 'my').
  const rest = location.pathname.split('/').slice(3).join('/');
  const menuKey =
    allKeys(menu)
      .filter((k) => rest === k || rest.startsWith(`${k}/`))
      .sort((a, b) => b.length - a.length)[0] ?? selected;
  const selectedPage = pages.find((p) => p.path === selected);
  // A county's page opened at its address in the city's own tenant (a bookmark, a link kept from a county): the
  // menu does not offer it here (inCounty), and it would draw the city's empty or misleading tables (its 69
  // organs as 未结对 in 双报到, say). Say where it lives instead.
  const countyOnly = tenant.kind !== 'county' && countiesOnly(menu, menuKey) === true;

  const switchTo = (next: string) => {
    const nextTenant: Tenant | undefined = tenants.find((t) => t.slug === next);
    const stays =
      !!nextTenant && (selectedPage?.staysOnSwitch?.({ tenant: nextTenant, tenants, me, perms: permissionsFor(nextTenant, me) }) ?? true);
    navigate(`/t/${next}/${stays ? selected : homePageOf(nextTenant)}`);
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

  const name = me?.displayName ?? me?.username;
  const userMenu = (
    <UserMenu
      name={name ?? ''}
      narrow={narrow}
      onProfile={() => navigate(`/t/${tenant.slug}/profile`)}
      onLogout={async () => {
        await logout();
        navigate('/login', { replace: true });
      }}
      placeholder={
        <Button type="text" aria-hidden>
          <Space>
            {avatar}
            {!narrow && name}
            {!narrow && <DownOutlined style={{ fontSize: 10 }} />}
          </Space>
        </Button>
      }
    />
  );

  const sidebar = (folded: boolean) => (
    <>
      <div className="app-logo" title="融合党建管理平台">
        <span style={{ fontSize: 20 }}>☭</span>
        {!folded && <span>融合党建管理平台</span>}
      </div>
      {withCounts(
        counts,
        <SideNav
          entries={menu}
          where={where}
          selected={menuKey}
          collapsed={folded}
          counts={counts}
          hrefOf={(key) => `/t/${tenant.slug}/${key}`}
          onOpen={(key) => {
            // The page's chunk and first reads start now, not once the page is drawn (docs/adr/0031).
            void preloadAddress(pages, `/t/${tenant.slug}/${key}`, '', tenants);
            navigate(`/t/${tenant.slug}/${key}`);
          }}
        />,
      )}
    </>
  );
  const identity = whoAmI(me, tenant, tenants);

  return (
    <TenantContext.Provider value={inTenant}>
      <div className={cx('ant-layout', !narrow && 'ant-layout-has-sider', THEME_CLASS)} style={{ minHeight: '100vh' }}>
        {narrow ? (
          <MenuDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)}>
            {sidebar(false)}
          </MenuDrawer>
        ) : (
          <aside
            className={cx('ant-layout-sider ant-layout-sider-dark', collapsed && 'ant-layout-sider-collapsed', THEME_CLASS)}
            // The menu stays in view while a long list scrolls.
            style={{ ...siderWidth(collapsed ? SIDER_FOLDED : SIDER_WIDTH), position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            <div className="ant-layout-sider-children">{sidebar(collapsed)}</div>
          </aside>
        )}
        <div className={cx('ant-layout', THEME_CLASS)}>
          <header className={cx('ant-layout-header', THEME_CLASS, 'app-header')} style={{ position: 'sticky', top: 0, zIndex: 10, ...(narrow ? { padding: '0 8px', gap: 4 } : {}) }}>
            <Space size={narrow ? 4 : 'middle'} style={{ minWidth: 0 }}>
              <Button
                type="text"
                aria-label={narrow ? '打开菜单' : collapsed ? '展开菜单' : '收起菜单'}
                data-testid="menu-toggle"
                icon={narrow || collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => (narrow ? setDrawerOpen(true) : setCollapsed(!collapsed))}
              />
              {!(narrow && tenants.length > 1) && (
                <Text
                  strong
                  ellipsis={{ title: identity }}
                  style={{ fontSize: narrow ? 14 : 16, whiteSpace: 'nowrap', maxWidth: narrow ? 180 : 420, display: 'block' }}
                  data-testid="current-tenant"
                >
                  {identity || tenant.name}
                </Text>
              )}
              {tenant.readOnly && (
                <Tag color="orange" data-testid="readonly-tag">
                  只读
                </Tag>
              )}
              {tenants.length > 1 && (
                <Space size={4}>
                  {!narrow && <SwapOutlined style={{ color: '#999' }} />}
                  <TenantSwitcher
                    value={tenant.slug}
                    groups={tenantOptions}
                    narrow={narrow}
                    onChange={switchTo}
                    placeholder={
                      <div
                        aria-hidden
                        className={cx('ant-select ant-select-outlined', THEME_CLASS, 'ant-select-css-var ant-select-single ant-select-show-arrow ant-select-show-search')}
                        style={{ width: narrow ? 112 : 200 }}
                      >
                        <div className="ant-select-content ant-select-content-has-value">{option(tenant).label}</div>
                        <div className="ant-select-suffix">
                          <DownOutlined />
                        </div>
                      </div>
                    }
                  />
                </Space>
              )}
            </Space>
            {header.length > 0 ? (
              <Space size={narrow ? 0 : 'middle'}>
                {header.map((Slot, i) => (
                  <Slot key={i} />
                ))}
                {userMenu}
              </Space>
            ) : (
              userMenu
            )}
          </header>
          <main className={cx('ant-layout-content', THEME_CLASS)} style={{ padding: 16, minWidth: 0 }}>
            <IslandFailureNotice />
            <Suspense fallback={<FullPageSpin />}>
              {/* keyed by tenant: a switch starts every page afresh instead of mixing two counties' data */}
              <div key={tenant.slug} style={{ height: '100%' }}>
                {countyOnly ? (
                  <LayoutResult
                    status="info"
                    title="此页面属于旗县区"
                    subTitle={`${tenant.name}本级没有这项内容：请在页头切换到旗县区查看。`}
                    action="返回工作台"
                    onAction={() => navigate(`/t/${tenant.slug}/${home}`)}
                    testId="county-only-page"
                  />
                ) : (
                  <Outlet />
                )}
              </div>
            </Suspense>
          </main>
        </div>
      </div>
    </TenantContext.Provider>
  );
}
