import { beijingTime, type CountyFigures, type CountyRollup, type MonthFigures } from '@ronghe/schema';
import { HeatmapChart, LineChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../api/client.ts';
import { formatYuan } from '../../lib/money.ts';
import { useSession } from '../../session.tsx';
import { EChart, type ChartOption } from '../../shared/EChart.tsx';
import { screenAllowed } from './access.ts';
import { screenApi, type CityRollup } from './api.ts';
import { compareOption, compositionOption, countyMark, gradesOption, moneyOption, tileMapOption, trendOption } from './options.ts';
import './screen.css';
import { IslandFailureNotice } from '../../layout/IslandFailureNotice.tsx';

// The pieces the shared wrapper does not load: the trends' lines, the tile map and its colour scale.
use([LineChart, HeatmapChart, VisualMapComponent]);

/** How often the wall display reloads the rollup. */
const REFRESH_MS = 60_000;

type Loaded = { kind: 'city'; rollup: CityRollup } | { kind: 'county'; rollup: CountyRollup };

const pct = (num: number, den: number) => (den > 0 ? `${((num / den) * 100).toFixed(1)}%` : '—');
const int = (n: number) => n.toLocaleString('zh-CN');

function KeyFigures({ f }: { f: CountyFigures }) {
  const items: Array<{ label: string; value: string; sub?: string }> = [
    { label: '在用党组织', value: int(f.orgs.active), sub: `党支部 ${int(f.orgs.branches)}` },
    { label: '党建联合体', value: int(f.alliances.total), sub: `成员单位 ${int(f.members.memberOrgs)}` },
    { label: '双报到党员', value: int(f.members.reportedMembers), sub: `在职党员 ${int(f.members.inService)}` },
    { label: '已满足需求', value: int(f.needs.met), sub: `待对接 ${int(f.needs.open)}` },
    { label: '项目按期完成率', value: pct(f.projects.completedOnTime, f.projects.completed), sub: `已完成 ${int(f.projects.completed)}，逾期 ${int(f.projects.overdue)}` },
    { label: '“五个一”完成率', value: pct(f.activities.quotaMet, f.activities.quotaItems), sub: `${int(f.activities.quotaMet)} / ${int(f.activities.quotaItems)} 项` },
    { label: '以奖代补已拨付（元）', value: formatYuan(f.rewards.disbursedFen), sub: `已分配 ${formatYuan(f.rewards.allocatedFen)}` },
    { label: '备案', value: int(f.filings.received), sub: `市级已确认 ${int(f.filings.acknowledgedByCity)}` },
  ];
  return (
    <div className="screen-kpis" data-testid="screen-kpis">
      {items.map((i) => (
        <div className="screen-kpi" key={i.label}>
          <div className="screen-kpi-label">{i.label}</div>
          <div className="screen-kpi-value">{i.value}</div>
          {i.sub && <div className="screen-kpi-sub">{i.sub}</div>}
        </div>
      ))}
    </div>
  );
}

function Panel({ area, title, asOf, testId, children, empty }: { area: string; title: string; asOf: number | null; testId: string; children: ReactNode; empty?: string }) {
  return (
    <section className="screen-panel" style={{ gridArea: area }} data-testid={`panel-${testId}`}>
      <header className="screen-panel-head">
        <span className="screen-panel-title">{title}</span>
        <span className="screen-asof">{asOf === null ? '尚未统计' : `统计于 ${beijingTime(asOf)}`}</span>
      </header>
      <div className="screen-panel-body">
        {children}
        {empty && <div className="screen-panel-note">{empty}</div>}
      </div>
    </section>
  );
}

const chart = (testId: string, option: ChartOption) => <EChart option={option} height="100%" theme="dark" testId={`chart-${testId}`} />;

/** The screen's body: the same panels for the city and a county, from a rollup's figures. */
function Board({ loaded }: { loaded: Loaded }) {
  const { figures, trend, asOf, counties } = useMemo(() => {
    if (loaded.kind === 'city') return { figures: loaded.rollup.city, trend: loaded.rollup.cityTrend, asOf: loaded.rollup.asOf, counties: loaded.rollup.counties };
    return { figures: loaded.rollup.figures, trend: loaded.rollup.trend, asOf: loaded.rollup.asOf, counties: [loaded.rollup] };
  }, [loaded]);
  const options = useMemo(
    () =>
      figures && {
        compare: loaded.kind === 'city' ? compareOption(loaded.rollup.counties) : compositionOption(figures),
        map: tileMapOption(counties),
        grades: gradesOption(figures),
        money: moneyOption(figures),
        trend: trendOption(trend as MonthFigures[]),
      },
    [loaded, figures, counties, trend],
  );
  if (!figures || !options) return <div className="screen-empty">{loaded.kind === 'city' ? '全市汇总尚未统计，请稍后再看' : '本旗县区的汇总尚未统计，请稍后再看'}</div>;
  const gradeTotal = Object.values(figures.assessment.grades).reduce((a, b) => a + b, 0);
  return (
    <>
      <KeyFigures f={figures} />
      <div className="screen-grid">
        <Panel area="compare" title={loaded.kind === 'city' ? '各旗县区对比' : '党建联合体类型与融合模式'} asOf={asOf} testId="compare">
          {chart('compare', options.compare)}
        </Panel>
        <Panel area="map" title="旗县区分布 · 党建联合体数" asOf={asOf} testId="map">
          {chart('map', options.map)}
        </Panel>
        <Panel
          area="grades"
          title={figures.assessment.year ? `${figures.assessment.year} 年度考核等次` : '考核等次'}
          asOf={asOf}
          testId="grades"
          empty={gradeTotal === 0 ? '暂无已定档的考核' : undefined}
        >
          {chart('grades', options.grades)}
        </Panel>
        <Panel area="money" title="资金来源（元）" asOf={asOf} testId="money" empty={Object.keys(figures.rewards.bySource).length === 0 ? '暂无资金记录' : undefined}>
          {chart('money', options.money)}
        </Panel>
        <Panel area="trend" title="近 24 个月趋势" asOf={asOf} testId="trend">
          {chart('trend', options.trend)}
        </Panel>
      </div>
    </>
  );
}

/** The stale and never-computed counties, named in the header (never shown as zeros). */
function Freshness({ counties }: { counties: readonly CountyRollup[] }) {
  const marked = counties.filter((c) => countyMark(c));
  if (marked.length === 0) return null;
  return (
    <div className="screen-stale" data-testid="screen-stale">
      {marked.map((c) => (
        <span key={c.slug}>
          {c.name}：{countyMark(c)}
        </span>
      ))}
    </div>
  );
}

function Clock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return <span className="screen-clock">{beijingTime(now)}</span>;
}

/** `/screen/:tenant`: the 数据大屏 of the city or of one county, full screen, dark, reloading itself every minute. */
export default function ScreenPage() {
  const { tenant: slug = '' } = useParams();
  const { tenants } = useSession();
  const tenant = tenants.find((t) => t.slug === slug);
  const allowed = screenAllowed(tenant);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    if (!tenant || !allowed) return;
    const mine = ++seq.current;
    try {
      const next: Loaded = tenant.kind === 'city' ? { kind: 'city', rollup: await screenApi.city() } : { kind: 'county', rollup: await screenApi.county(tenant.slug) };
      if (mine !== seq.current) return;
      setLoaded(next);
      setLoadedAt(Date.now());
      setError(null);
    } catch (err) {
      // The last good figures stay on the wall; the header says the refresh failed.
      if (mine === seq.current) setError(errorText(err));
    }
  }, [tenant, allowed]);

  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(id);
  }, [load]);

  if (!allowed) {
    return (
      <div className="screen screen-refused">
        <h1>无权查看数据大屏</h1>
        <p>全市数据大屏仅对市委组织部开放；旗县区的数据大屏仅对本旗县区委组织部和上级党(工)委审核人开放。</p>
        <Link to="/">返回首页</Link>
      </div>
    );
  }
  const title = `${tenant!.name}融合党建数据大屏`;
  const asOf = loaded ? loaded.rollup.asOf : null;
  return (
    <div className="screen" data-testid="screen">
      <header className="screen-head">
        <div className="screen-head-side">
          <Link to={`/t/${slug}`} className="screen-link">
            返回
          </Link>
          <button type="button" className="screen-link" onClick={() => void document.documentElement.requestFullscreen?.()}>
            全屏
          </button>
        </div>
        <h1 className="screen-title">{title}</h1>
        <div className="screen-head-side screen-head-right">
          <span>数据截至 {asOf === null ? '—' : beijingTime(asOf)}</span>
          <span className="screen-refresh">
            {loadedAt ? `${beijingTime(loadedAt).slice(11)} 已刷新，每 60 秒自动刷新` : '正在加载…'}
            {error && <span className="screen-error">　刷新失败：{error}</span>}
          </span>
          <Clock />
        </div>
      </header>
      {/* Outside the sidebar layout: a chart whose code failed to load is said here. */}
      <IslandFailureNotice />
      {loaded && <Freshness counties={loaded.kind === 'city' ? loaded.rollup.counties : [loaded.rollup]} />}
      {loaded ? <Board loaded={loaded} /> : !error && <div className="screen-empty">正在加载…</div>}
      {!loaded && error && <div className="screen-empty">无法读取汇总：{error}</div>}
    </div>
  );
}
