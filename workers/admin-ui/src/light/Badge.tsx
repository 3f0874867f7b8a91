import type { CSSProperties } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

/** antd's standalone count Badge; nothing at 0 (antd's default `showZero: false`). */
export function Badge({ count, size, overflowCount = 99, color, title, ...rest }: { count: number; size?: 'small'; overflowCount?: number; color?: string; title?: string; 'data-testid'?: string }) {
  const shown = count > overflowCount ? `${overflowCount}+` : String(count);
  return (
    <span className={cx('ant-badge ant-badge-not-a-wrapper', THEME_CLASS)} {...rest}>
      {count > 0 && (
        <sup
          data-show="true"
          className={cx('ant-scroll-number ant-badge-count', size === 'small' && 'ant-badge-count-sm', shown.length > 1 && 'ant-badge-multiple-words')}
          title={title ?? String(count)}
          style={color ? { background: color } : undefined}
        >
          {shown}
        </sup>
      )}
    </span>
  );
}

/** antd's status Badge: a coloured dot. */
export function StatusDot({ status, style }: { status: 'error' | 'success' | 'warning' | 'processing' | 'default'; style?: CSSProperties }) {
  return (
    <span className={cx('ant-badge ant-badge-status ant-badge-not-a-wrapper', THEME_CLASS)} style={style}>
      <span className={cx('ant-badge-status-dot', `ant-badge-status-${status}`)} />
    </span>
  );
}
