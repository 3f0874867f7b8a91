import type { HTMLAttributes, ReactNode, Ref } from 'react';
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

/** antd's status Badge: a coloured dot (a status's, or any colour), and its words. */
export function StatusDot({
  status,
  color,
  text,
  ref,
  className,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { status?: 'error' | 'success' | 'warning' | 'processing' | 'default'; color?: string; text?: ReactNode; ref?: Ref<HTMLSpanElement>; 'data-testid'?: string; 'data-level'?: string }) {
  return (
    <span ref={ref} {...rest} className={cx('ant-badge ant-badge-status ant-badge-not-a-wrapper', THEME_CLASS, className)}>
      <span className={cx('ant-badge-status-dot', status && `ant-badge-status-${status}`)} style={color ? { color, background: color } : undefined} />
      {text !== undefined && <span className="ant-badge-status-text">{text}</span>}
    </span>
  );
}
