import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allAntdCss, antdStylesheets, drawnInBrowser, topLevelRules } from '../../workers/admin-ui/src/ant/antd-stylesheets.ts';

// The admin UI's first load stays small (issue 15 § 4, docs/adr/0031): what the
// entry imports statically is what every visitor downloads before the login
// page draws. Two cheap guards, no build here: the entry's static import graph
// (read from the sources) never reaches ECharts, the layout, or the shared
// schemas' root (which drags every form schema and zod along). The built files'
// weight (at most 250 KB gzip) is checked where a fresh build is sure to exist:
// test/e2e/ui-first-load-size.test.ts, after the browser tests' server built it.

const UI = new URL('../../workers/admin-ui/', import.meta.url).pathname;
const SRC = join(UI, 'src');

/** Static imports only: `import type` and dynamic import() are not downloaded with the entry. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) specs.push(m[1]!);
  return specs;
}

/** Every .ts and .tsx file under a directory. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Every file and package reached statically from `start` (main.tsx: the entry). */
function entryGraph(start = join(SRC, 'main.tsx')): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (/\.tsx?$/.test(target) && existsSync(target)) visit(target);
      } else {
        packages.add(spec);
      }
    }
  };
  visit(start);
  return { files, packages };
}

describe('admin UI first load', () => {
  const { files, packages } = entryGraph();
  const rel = (f: string) => f.slice(SRC.length + 1);

  it('the entry reaches many files statically (the walk works)', () => {
    expect(files.has(join(SRC, 'routes.tsx'))).toBe(true);
    expect(files.has(join(SRC, 'menu.tsx'))).toBe(true);
    expect(packages.has('react-router-dom')).toBe(true);
    // The walk sees an antd import where there is one.
    expect(entryGraph(join(SRC, 'ant/AntRoot.tsx')).packages.has('antd')).toBe(true);
  });

  it('ECharts, the sidebar layout and the shared schemas root load on demand, not with the entry', () => {
    expect([...packages].filter((p) => p === 'echarts' || p.startsWith('echarts/'))).toEqual([]);
    expect([...packages].filter((p) => p === '@ronghe/schema' || p === '@hono/zod-openapi' || p === 'zod/locales')).toEqual([]);
    const eager = [...files].map(rel).filter((f) => ['layout/AppLayout.tsx', 'shared/EChartCanvas.tsx', 'layout/NotFound.tsx', 'layout/NoTenant.tsx'].includes(f));
    expect(eager).toEqual([]);
  });

  it('zod (the forms\' validation) is not in the first load either', () => {
    expect([...packages].filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
  });

  it('antd runs without generating styles, in the one theme its stylesheet is built from', () => {
    const root = readFileSync(join(SRC, 'ant/AntRoot.tsx'), 'utf8');
    expect(root).toContain('theme={{ ...THEME, zeroRuntime: true }}');
    expect(readFileSync(join(SRC, 'main.tsx'), 'utf8')).toContain("import 'virtual:antd-style.css';");
    // Another ConfigProvider (another theme) would draw with styles the stylesheet does not hold.
    const others = walk(SRC).filter((f) => f !== join(SRC, 'ant/AntRoot.tsx') && /<ConfigProvider\b/.test(readFileSync(f, 'utf8')));
    expect(others.map(rel)).toEqual([]);
    const build = readFileSync(join(SRC, 'ant/antd-stylesheets.ts'), 'utf8');
    expect(build).toMatch(/extractStyle\(\{ customTheme: \(node\) => createElement\(ConfigProvider, \{ theme: THEME \}, node\)/);
  });

  it('the browser build swaps @hono/zod-openapi for plain zod', () => {
    const config = readFileSync(join(UI, 'vite.config.ts'), 'utf8');
    expect(config).toMatch(/find: \/\^@hono\\\/zod-openapi\$\/, replacement: .*zod-without-openapi\.ts/);
  });

  it('pages and the layout never suspend once their code is here: no React.lazy for them, no Suspense fallback before the first full draw', () => {
    // React.lazy suspends on its first draw even when the import has finished, and React 19 holds the
    // commit after a Suspense fallback for up to 300 ms (lib/preloadable.tsx): pages are lazyPage.
    const lazyPages = walk(join(SRC, 'features'))
      .filter((f) => f.endsWith('/index.tsx'))
      .filter((f) => /=\s*lazy\(/.test(readFileSync(f, 'utf8')));
    expect(lazyPages.map(rel)).toEqual([]);
    const routes = readFileSync(join(SRC, 'routes.tsx'), 'utf8');
    expect(routes).toMatch(/const AppLayout = preloadable\(/);
    // A cold load draws the layout once the layout and the page have run (RequireAuth waits for `opening`).
    expect(routes).toContain("(status === 'ready' && !ready)) return <FullPageSpin />");
    // ...and, a short while at most, for the page's first answers, so the page is drawn once, with its data.
    expect(routes).toContain('.then(() => earlyAnswers(FIRST_ANSWERS_WAIT_MS))');
  });

  it('the sidebar layout draws once before its first paint: no antd Menu, no Grid.useBreakpoint', () => {
    // antd's Menu draws every entry twice and wraps each in a tooltip; useBreakpoint learns the width
    // in a layout effect and draws its caller again (docs/adr/0031, 2026-12-06 second section).
    const layout = readFileSync(join(SRC, 'layout/AppLayout.tsx'), 'utf8');
    const antdNames = [...layout.matchAll(/import \{([^}]*)\} from 'antd'/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()));
    expect(antdNames.filter((n) => n === 'Menu' || n === 'Grid')).toEqual([]);
    expect(layout).toContain('<SideNav');
  });

  it('the first draw goes without antd: the entry, the layout, src/light and every light page reach no antd statically', () => {
    // docs/adr/0031 (ninth session): antd's code run for the first time was ~0.7 s of a cold load. Its
    // pieces load as islands (lib/ant-island.tsx) once the page is on screen.
    const antdIn = (start: string) => [...entryGraph(start).packages].filter((p) => p === 'antd' || p.startsWith('antd/'));
    expect(antdIn(join(SRC, 'main.tsx'))).toEqual([]);
    expect(antdIn(join(SRC, 'layout/AppLayout.tsx'))).toEqual([]);
    // Its tests draw antd beside each light component to compare their markup: they are not drawn by the app.
    for (const f of walk(join(SRC, 'light')).filter((f) => !/\.test\.tsx?$/.test(f))) expect(antdIn(f), rel(f)).toEqual([]);
    // The pages a feature declares light: lazyPage(() => import('./X.tsx'), …, { light: true }).
    const light = walk(join(SRC, 'features'))
      .filter((f) => f.endsWith('/index.tsx'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/lazyPage\(\(\) => import\('([^']+)'\)[^;]*\{ light: true \}\)/g)].map((m) => resolve(dirname(f), m[1]!)));
    expect(light.map(rel)).toContain('features/registry/OrgsPage.tsx');
    for (const page of light) expect(antdIn(page), rel(page)).toEqual([]);
  });

  describe('antd\'s styles in two files: what the first draw uses, and the rest with antd\'s code', () => {
    // Extracted once for the three checks below (antd drawn on the server: about a second).
    const all = allAntdCss();
    const { first, rest } = antdStylesheets();
    it('splitting into rules loses nothing, and only rules that never match are dropped', () => {
      const css = '.a{x:1}@media (max-width: 1px){.b{y:2}}.c{content:"|"}';
      expect(topLevelRules(css)).toEqual(['.a{x:1}', '@media (max-width: 1px){.b{y:2}}', '.c{content:"|"}']);
      expect(drawnInBrowser('.css-var-_R_29n_{--ant-blue:#1677FF}')).toBe(false);
      expect(drawnInBrowser('.data-ant-cssinjs-cache-path{content:""}')).toBe(false);
      expect(drawnInBrowser('.ronghe{--ant-color-primary:#c8161d}')).toBe(true);
      expect(all).toContain('--ant-color-primary:#c8161d');
      expect(all).not.toMatch(/\.css-var-_R_/);
    });

    const classes = (css: string) => new Set([...css.matchAll(/\.(ant-[a-z0-9-]+)/g)].map((m) => m[1]!));

    it('the two files hold every rule of the whole stylesheet, and the later one repeats none of the first', () => {
      const firstRules = new Set(topLevelRules(first));
      const restRules = topLevelRules(rest);
      expect(restRules.filter((r) => firstRules.has(r))).toEqual([]);
      const both = new Set([...firstRules, ...restRules]);
      expect(topLevelRules(all).filter((r) => !both.has(r)).map((r) => r.slice(0, 80))).toEqual([]);
      expect(all).toContain('.ant-table{');
      expect(first).toContain('.ant-table{');
      expect(rest).toContain('.ant-picker{');
      expect(first).not.toContain('.ant-picker{');
      // The point of the split: the first file is well under half of antd's rules (measured: 32 % of the bytes).
      expect(first.length).toBeLessThan(all.length / 2);
    });

    it('every antd class the first draw names is styled by the first file, if antd styles it at all', () => {
      // What draws before antd's code has run: the entry, the layout, src/light and the light pages (the
      // islands' look-alikes are in these files).
      const lightPages = walk(join(SRC, 'features'))
        .filter((f) => f.endsWith('/index.tsx'))
        .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/lazyPage\(\(\) => import\('([^']+)'\)[^;]*\{ light: true \}\)/g)].map((m) => resolve(dirname(f), m[1]!)));
      const roots = [join(SRC, 'main.tsx'), join(SRC, 'layout/AppLayout.tsx'), ...walk(join(SRC, 'light')).filter((f) => !/\.test\.tsx?$/.test(f)), ...lightPages];
      const sources = new Set(roots.flatMap((r) => [...entryGraph(r).files]));
      expect(sources.has(join(SRC, 'light/Table.tsx'))).toBe(true);
      const named = new Set([...sources].flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\b(ant-[a-z0-9-]+)/g)].map((m) => m[1]!)));
      expect(named.has('ant-btn')).toBe(true);
      const inAll = classes(all);
      const inFirst = classes(first);
      // A name ending in '-' is the start of names made at run time (`ant-col-${span}`): every class it can make.
      const styled = (name: string, set: Set<string>) => (name.endsWith('-') ? [...inAll].filter((c) => c.startsWith(name)).filter((c) => set.has(c)) : set.has(name) ? [name] : []);
      const missing = [...named].filter((name) => styled(name, inAll).length > styled(name, inFirst).length);
      expect(missing).toEqual([]);
    });
  });
});

