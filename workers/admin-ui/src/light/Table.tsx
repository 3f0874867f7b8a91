import { Fragment, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type HTMLAttributes, type Key, type ReactNode } from 'react';
import { HorizontalScroll, useNarrowerThan } from '../lib/HorizontalScroll.tsx';
import { cx, THEME_CLASS } from './cx.ts';
import { Empty } from './Empty.tsx';
import { SpinDots } from './Spin.tsx';

/** antd's breakpoints (min-width), for `responsive` columns. */
const BREAKPOINTS = { sm: 576, md: 768, lg: 992, xl: 1200, xxl: 1600 } as const;

/** One column, as antd's ColumnsType declares the parts the light pages use. */
export interface Column<T> {
  key?: string;
  title?: ReactNode;
  dataIndex?: keyof T & string;
  width?: number;
  /** One line ending in …; the cell's whole text is its title when it is text. */
  ellipsis?: boolean;
  align?: 'left' | 'right' | 'center';
  fixed?: 'left' | 'right';
  /** Shown from these breakpoints up (antd: the column is shown at any of them). */
  responsive?: readonly (keyof typeof BREAKPOINTS)[];
  // Any: a column's cell value is the row's field at dataIndex, whose type the column does not narrow.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as antd's ColumnType: render gets the field's value untyped
  render?: (value: any, record: T, index: number) => ReactNode;
  onCell?: (record: T) => HTMLAttributes<HTMLTableCellElement>;
}

interface Props<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey?: (keyof T & string) | ((row: T) => Key);
  loading?: boolean;
  /** Shown for no rows; nothing while the first rows are on their way (`loading`). */
  emptyText?: ReactNode;
  /** The table keeps at least this width and scrolls sideways inside its box; fixed columns stick only then. */
  minWidth?: number | 'max-content';
  onRow?: (row: T) => HTMLAttributes<HTMLTableRowElement>;
  size?: 'middle' | 'small';
  /** Rows under the body (antd's `summary`): `<tr>`s of SummaryCell. */
  summary?: ReactNode;
  /** A row that opens to show more under it (antd's `expandable`), by the button in its first cell. */
  expandable?: { expandedRowRender: (row: T) => ReactNode; rowExpandable?: (row: T) => boolean };
  'data-testid'?: string;
}

/** A cell of a Table's summary row. */
export function SummaryCell({ children, align, colSpan }: { children?: ReactNode; align?: 'left' | 'right' | 'center'; colSpan?: number }) {
  return (
    <td className="ant-table-cell" colSpan={colSpan} style={align && align !== 'left' ? { textAlign: align } : undefined}>
      {children}
    </td>
  );
}

type Breakpoint = keyof typeof BREAKPOINTS;
let queries: [Breakpoint, MediaQueryList][] | undefined;
const mediaQueries = () => (queries ??= (Object.keys(BREAKPOINTS) as Breakpoint[]).map((b) => [b, window.matchMedia(`(min-width: ${BREAKPOINTS[b]}px)`)]));

/** The breakpoints the window is at or above ('sm md lg'), known on the first draw (no layout effect). */
function useBreakpoints(): string {
  return useSyncExternalStore(
    (change) => {
      for (const [, q] of mediaQueries()) q.addEventListener('change', change);
      return () => {
        for (const [, q] of mediaQueries()) q.removeEventListener('change', change);
      };
    },
    () =>
      mediaQueries()
        .filter(([, q]) => q.matches)
        .map(([b]) => b)
        .join(' '),
    // Drawn outside a browser (light/markup.node.test.ts): every breakpoint, every column.
    () => Object.keys(BREAKPOINTS).join(' '),
  );
}

/**
 * antd's Table (pagination off, as the app's lists page by cursor) drawn by React alone, with antd's
 * markup and classes (docs/adr/0031): the static stylesheet gives it antd's look, and a page's rows
 * show without antd's table code, its measuring row or its scrollbar probe.
 */
export function Table<T extends object>({
  columns,
  rows,
  rowKey = 'id' as keyof T & string,
  loading,
  emptyText,
  minWidth,
  onRow,
  size = 'middle',
  summary,
  expandable,
  ...rest
}: Props<T>) {
  const [open, setOpen] = useState<ReadonlySet<Key>>(new Set());
  // The columns the window shows: a `responsive` one at any of its breakpoints, as antd's.
  const at = useBreakpoints();
  const shown = useMemo(() => {
    const here = new Set(at.split(' '));
    return columns.filter((c) => !c.responsive || c.responsive.some((b) => here.has(b)));
  }, [columns, at]);
  const box = useRef<HTMLDivElement>(null);
  const hasFixed = shown.some((c) => c.fixed);
  const narrow = useNarrowerThan(box, typeof minWidth === 'number' && hasFixed ? minWidth : undefined);
  const sticky = hasFixed && narrow;
  const keyOf = (row: T, i: number): Key => (typeof rowKey === 'function' ? rowKey(row) : ((row[rowKey] as Key | undefined) ?? i));
  // As antd: a fixed layout once a column cuts its text (ellipsis), the declared widths always.
  const layout = shown.some((c) => c.ellipsis) ? 'fixed' : 'auto';
  // A col per column up to the last one with a width, as rc-table writes them.
  const lastSized = shown.findLastIndex((c) => c.width !== undefined);
  const sized = shown.slice(0, lastSized + 1);

  // The offsets of the sticking columns: the widths of those before them on their side.
  const stickAt = (i: number): CSSProperties | undefined => {
    const c = shown[i]!;
    if (!sticky || !c.fixed) return undefined;
    const side = c.fixed === 'left' ? shown.slice(0, i) : shown.slice(i + 1);
    const offset = side.filter((s) => s.fixed === c.fixed).reduce((sum, s) => sum + (s.width ?? 0), 0);
    return c.fixed === 'left' ? { position: 'sticky', insetInlineStart: offset, zIndex: 2 } : { position: 'sticky', insetInlineEnd: offset, zIndex: 2 };
  };
  const fixClass = (c: Column<T>) => sticky && c.fixed && cx('ant-table-cell-fix', c.fixed === 'left' ? 'ant-table-cell-fix-start' : 'ant-table-cell-fix-end');
  const empty = rows.length === 0;

  const table = (
    <div className={cx(THEME_CLASS, 'ant-table-css-var ant-table-wrapper')} {...rest}>
      <div className={cx('ant-spin', loading && 'ant-spin-spinning', THEME_CLASS)} aria-live="polite" aria-busy={loading ? 'true' : 'false'}>
        {loading && (
          <div className="ant-spin-section">
            <SpinDots />
          </div>
        )}
        <div className="ant-spin-container">
          <div
            className={cx(
              'ant-table',
              size === 'middle' ? 'ant-table-medium' : 'ant-table-small',
              empty && 'ant-table-empty',
              THEME_CLASS,
              'ant-table-css-var',
              sticky && 'ant-table-fixed-column ant-table-scroll-horizontal',
              sticky && shown.some((c) => c.fixed === 'left') && 'ant-table-has-fix-start',
              sticky && shown.some((c) => c.fixed === 'right') && 'ant-table-has-fix-end',
            )}
          >
            <div className="ant-table-container">
              <div className="ant-table-content">
                <table style={{ tableLayout: layout }}>
                  {(sized.length > 0 || expandable) && (
                    <colgroup>
                      {expandable && <col className="ant-table-expand-icon-col" />}
                      {sized.map((c, i) => (
                        <col key={c.key ?? c.dataIndex ?? i} style={c.width === undefined ? undefined : { width: c.width }} />
                      ))}
                    </colgroup>
                  )}
                  <thead className="ant-table-thead">
                    <tr>
                      {expandable && <th className="ant-table-cell ant-table-row-expand-icon-cell" />}
                      {shown.map((c, i) => (
                        <th
                          key={c.key ?? c.dataIndex ?? i}
                          className={cx('ant-table-cell', fixClass(c), c.ellipsis && 'ant-table-cell-ellipsis')}
                          style={{ ...(c.align && c.align !== 'left' ? { textAlign: c.align } : {}), ...stickAt(i) }}
                          title={c.ellipsis && typeof c.title === 'string' ? c.title : undefined}
                          scope="col"
                        >
                          {c.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="ant-table-tbody">
                    {empty ? (
                      <tr className="ant-table-placeholder">
                        <td className="ant-table-cell" colSpan={shown.length + (expandable ? 1 : 0)}>
                          {loading ? ' ' : (emptyText ?? <Empty />)}
                        </td>
                      </tr>
                    ) : (
                      rows.map((row, r) => {
                        const key = keyOf(row, r);
                        const expands = expandable && (expandable.rowExpandable?.(row) ?? true);
                        const opened = expands && open.has(key);
                        return (
                          <Fragment key={key}>
                            <tr className="ant-table-row ant-table-row-level-0" data-row-key={String(key)} {...onRow?.(row)}>
                              {expandable && (
                                <td className="ant-table-cell ant-table-row-expand-icon-cell">
                                  {expands ? (
                                    <button
                                      type="button"
                                      className={cx(
                                        'ant-table-row-expand-icon',
                                        opened ? 'ant-table-row-expand-icon-expanded' : 'ant-table-row-expand-icon-collapsed',
                                      )}
                                      aria-label={opened ? '关闭行' : '展开行'}
                                      aria-expanded={opened}
                                      onClick={() =>
                                        setOpen((was) => {
                                          const next = new Set(was);
                                          if (!next.delete(key)) next.add(key);
                                          return next;
                                        })
                                      }
                                    />
                                  ) : (
                                    <span className="ant-table-row-expand-icon ant-table-row-expand-icon-spaced" />
                                  )}
                                </td>
                              )}
                              {shown.map((c, i) => {
                                const value = c.dataIndex === undefined ? undefined : row[c.dataIndex];
                                const content = c.render ? c.render(value, row, r) : (value as ReactNode);
                                const own = c.onCell?.(row);
                                const inner = c.ellipsis && c.render ? <span className="ant-table-cell-content">{content}</span> : content;
                                return (
                                  <td
                                    key={c.key ?? c.dataIndex ?? i}
                                    {...own}
                                    className={cx('ant-table-cell', fixClass(c), c.ellipsis && 'ant-table-cell-ellipsis', own?.className)}
                                    style={{ ...(c.align && c.align !== 'left' ? { textAlign: c.align } : {}), ...stickAt(i), ...own?.style }}
                                    title={
                                      own?.title ?? (c.ellipsis && (typeof content === 'string' || typeof content === 'number') ? String(content) : undefined)
                                    }
                                  >
                                    {inner}
                                  </td>
                                );
                              })}
                            </tr>
                            {opened && (
                              <tr className="ant-table-expanded-row ant-table-expanded-row-level-1">
                                <td className="ant-table-cell" colSpan={shown.length + 1}>
                                  {expandable.expandedRowRender(row)}
                                </td>
                              </tr>
                            )}
                          </Fragment>
                        );
                      })
                    )}
                  </tbody>
                  {summary !== undefined && <tfoot className="ant-table-summary">{summary}</tfoot>}
                </table>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
  return minWidth === undefined ? (
    table
  ) : (
    <HorizontalScroll minWidth={minWidth} boxRef={box}>
      {table}
    </HorizontalScroll>
  );
}
