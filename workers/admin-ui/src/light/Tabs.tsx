import { EllipsisOutlined } from '@ant-design/icons';
import { useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

/** One tab: its label in the bar, its pane under it. */
export interface TabItem {
  key: string;
  label: ReactNode;
  children?: ReactNode;
}

interface Props {
  items: readonly TabItem[];
  /** The tab shown; without it the first, then the one last clicked. */
  activeKey?: string;
  onChange?: (key: string) => void;
  /** Drawn at the bar's right. */
  tabBarExtraContent?: ReactNode;
  style?: CSSProperties;
  className?: string;
  'data-testid'?: string;
}

/**
 * antd's Tabs (line, on top) drawn by React alone, with antd's markup and classes (docs/adr/0031). As
 * antd by default, a pane is drawn the first time its tab is shown and then kept, hidden, while another
 * is; a tab nobody opened costs nothing. The ink bar is placed under the active tab from its measured
 * box, read by a ResizeObserver (after the browser's own layout, before the frame is painted: it
 * forces no layout), and set on the element directly, so the first painted frame has it.
 */
export function Tabs({ items, activeKey, onChange, tabBarExtraContent, style, className, ...rest }: Props) {
  const [own, setOwn] = useState(items[0]?.key);
  const active = activeKey ?? own;
  // The panes drawn so far: the active one joins as it is shown (derived state, set during render).
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set(active === undefined ? [] : [active]));
  if (active !== undefined && items.some((t) => t.key === active) && !drawn.has(active)) setDrawn(new Set(drawn).add(active));
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const ink = useRef<HTMLDivElement>(null);
  const keys = items.map((t) => t.key).join('\n');

  useLayoutEffect(() => {
    const bar = list.current;
    const line = ink.current;
    if (!bar || !line || typeof ResizeObserver === 'undefined') return;
    const tab = bar.querySelector<HTMLElement>(':scope > .ant-tabs-tab-active');
    if (!tab) {
      line.style.width = '0px';
      return;
    }
    // As antd's indicator (align 'center'): the tab's width, centred on the tab.
    const place = () => {
      line.style.left = `${tab.offsetLeft + tab.offsetWidth / 2}px`;
      line.style.width = `${tab.offsetWidth}px`;
      line.style.transform = 'translateX(-50%)';
    };
    const observer = new ResizeObserver(place);
    observer.observe(tab);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [active, keys]);

  const choose = (key: string) => {
    if (key === active) return;
    setOwn(key);
    onChange?.(key);
  };
  // The arrow keys move between the tabs, Enter and Space open the one focused (as antd's).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, key: string) => {
    const i = items.findIndex((t) => t.key === key);
    const to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: items.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      const next = items[(to + items.length) % items.length];
      if (next) document.getElementById(`${id}-tab-${next.key}`)?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(key);
    }
  };

  return (
    <div className={cx('ant-tabs ant-tabs-top', className, THEME_CLASS, 'ant-tabs-css-var')} style={style} {...rest}>
      <div role="tablist" aria-orientation="horizontal" className="ant-tabs-nav">
        <div className="ant-tabs-nav-wrap">
          <div ref={list} className="ant-tabs-nav-list" style={{ transform: 'translate(0px, 0px)' }}>
            {items.map((t) => {
              const selected = t.key === active;
              return (
                <div key={t.key} data-node-key={t.key} className={cx('ant-tabs-tab', selected && 'ant-tabs-tab-active')} onClick={() => choose(t.key)}>
                  <div
                    role="tab"
                    aria-selected={selected}
                    id={`${id}-tab-${t.key}`}
                    className="ant-tabs-tab-btn"
                    aria-controls={`${id}-panel-${t.key}`}
                    tabIndex={selected ? 0 : -1}
                    onKeyDown={(e) => onKeyDown(e, t.key)}
                  >
                    {t.label}
                  </div>
                </div>
              );
            })}
            <div ref={ink} className="ant-tabs-ink-bar ant-tabs-ink-bar-animated" />
          </div>
        </div>
        {/* antd's overflow menu, hidden while every tab fits (the pages' few always do). */}
        <div className="ant-tabs-nav-operations ant-tabs-nav-operations-hidden">
          <button type="button" className="ant-tabs-nav-more" tabIndex={-1} aria-hidden="true">
            <EllipsisOutlined />
          </button>
        </div>
        {tabBarExtraContent ? <div className="ant-tabs-extra-content">{tabBarExtraContent}</div> : null}
      </div>
      <div className="ant-tabs-body-holder">
        <div className="ant-tabs-body ant-tabs-body-top">
          {items.map((t) => {
            if (!drawn.has(t.key)) return null;
            const shown = t.key === active;
            return (
              <div
                key={t.key}
                id={`${id}-panel-${t.key}`}
                role="tabpanel"
                tabIndex={shown ? 0 : -1}
                aria-labelledby={`${id}-tab-${t.key}`}
                aria-hidden={!shown}
                className={cx('ant-tabs-content', shown ? 'ant-tabs-content-active' : 'ant-tabs-content-hidden')}
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
