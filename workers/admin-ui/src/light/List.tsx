import type { CSSProperties, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

/** antd's List (small): its items, split by lines unless `split={false}`. */
export function List<T>({ items, render, split = true }: { items: readonly T[]; render: (item: T, index: number) => ReactNode; split?: boolean }) {
  return (
    <div className={cx('ant-list ant-list-sm', split && 'ant-list-split', THEME_CLASS)}>
      <div className={cx('ant-spin', THEME_CLASS)} aria-live="polite" aria-busy="false">
        <div className="ant-spin-container">
          <ul className={cx('ant-list-items ant-list-container', THEME_CLASS)}>{items.map(render)}</ul>
        </div>
      </div>
    </div>
  );
}

/** One item of a List, with its actions at the right. */
export function ListItem({ actions, style, children, ...rest }: { actions?: ReactNode[]; style?: CSSProperties; children?: ReactNode; 'data-testid'?: string }) {
  return (
    <li style={style} className="ant-list-item" {...rest}>
      {children}
      {actions && actions.length > 0 && (
        <ul className="ant-list-item-action">
          {actions.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
