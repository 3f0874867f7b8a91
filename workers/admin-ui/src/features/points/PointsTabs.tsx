import { EllipsisOutlined } from '@ant-design/icons';
import { useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { cx, THEME_CLASS } from '../../light/cx.ts';

export interface TabItem {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/**
 * antd 6's Tabs (top, default size, a few tabs that fit) drawn by React alone, with antd's markup and
 * classes (docs/adr/0031), so 积分 shows its leaderboard without antd. src/light/ has no Tabs; this is
 * the part of antd's the page uses: a pane is drawn when its tab is first chosen and kept (hidden) after,
 * the ink bar sits under the chosen tab, arrows, Home and End move between tabs and Enter or Space
 * chooses one. `PointsTabs.markup.node.test.ts` draws it beside antd's.
 */
export function PointsTabs({ items }: { items: readonly TabItem[] }) {
  const id = `rc-tabs-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [active, setActive] = useState(items[0]?.key);
  // As antd's: a pane is drawn once its tab has been chosen, and stays (hidden) when another is.
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set(active === undefined ? [] : [active]));
  const list = useRef<HTMLDivElement>(null);
  const [ink, setInk] = useState<CSSProperties>();

  const choose = (key: string) => {
    setActive(key);
    setDrawn((was) => (was.has(key) ? was : new Set([...was, key])));
  };

  // The ink bar under the chosen tab, measured before the browser paints (antd: after, in an effect).
  useLayoutEffect(() => {
    const box = list.current;
    if (!box) return;
    const place = () => {
      const tab = [...box.querySelectorAll<HTMLElement>('.ant-tabs-tab')].find((t) => t.dataset.nodeKey === active);
      if (!tab) return setInk(undefined);
      const width = tab.offsetWidth;
      const left = tab.offsetLeft + width / 2;
      setInk((was) => (was?.left === left && was.width === width ? was : { left, width, transform: 'translateX(-50%)' }));
    };
    place();
    // The labels' width changes once the web font has loaded.
    const observer = new ResizeObserver(place);
    observer.observe(box);
    return () => observer.disconnect();
  }, [active]);

  const buttons = () => [...(list.current?.querySelectorAll<HTMLElement>('[role=tab]') ?? [])];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, key: string) => {
    const at = items.findIndex((t) => t.key === key);
    const moves: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: items.length - 1 };
    const to = moves[e.code];
    if (to !== undefined) {
      e.preventDefault();
      buttons()[Math.max(0, Math.min(items.length - 1, to))]?.focus();
    } else if (e.code === 'Enter' || e.code === 'Space') {
      e.preventDefault();
      choose(key);
    }
  };

  return (
    <div className={cx('ant-tabs ant-tabs-top', THEME_CLASS, 'ant-tabs-css-var')}>
      <div role="tablist" aria-orientation="horizontal" className="ant-tabs-nav">
        <div className="ant-tabs-nav-wrap">
          <div ref={list} className="ant-tabs-nav-list" style={{ transform: 'translate(0px, 0px)' }}>
            {items.map((t) => {
              const on = t.key === active;
              return (
                <div key={t.key} data-node-key={t.key} className={cx('ant-tabs-tab', on && 'ant-tabs-tab-active')} onClick={() => choose(t.key)}>
                  <div
                    role="tab"
                    aria-selected={on}
                    id={`${id}-tab-${t.key}`}
                    className="ant-tabs-tab-btn"
                    aria-controls={`${id}-panel-${t.key}`}
                    tabIndex={on ? 0 : -1}
                    onKeyDown={(e) => onKeyDown(e, t.key)}
                  >
                    {t.label}
                  </div>
                </div>
              );
            })}
            <div className="ant-tabs-ink-bar ant-tabs-ink-bar-animated" style={ink} />
          </div>
        </div>
        {/* antd's 更多 button, hidden while every tab fits. */}
        <div className="ant-tabs-nav-operations ant-tabs-nav-operations-hidden">
          <button type="button" className="ant-tabs-nav-more" style={{ visibility: 'hidden', order: 1 }} aria-haspopup="listbox" aria-controls={`${id}-more-popup`} id={`${id}-more`} aria-expanded={false}>
            <EllipsisOutlined />
          </button>
        </div>
      </div>
      <div className="ant-tabs-body-holder">
        <div className="ant-tabs-body ant-tabs-body-top">
          {items
            .filter((t) => drawn.has(t.key))
            .map((t) => {
              const on = t.key === active;
              return (
                <div
                  key={t.key}
                  id={`${id}-panel-${t.key}`}
                  role="tabpanel"
                  tabIndex={on ? 0 : -1}
                  aria-labelledby={`${id}-tab-${t.key}`}
                  aria-hidden={!on}
                  className={cx('ant-tabs-content', on ? 'ant-tabs-content-active' : 'ant-tabs-content-hidden')}
                >
                  {t.children}
                </div>
              );
            })}
        </div>
      </div>
    </div>
  );
}
