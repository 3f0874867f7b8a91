import type { CSSProperties, MouseEventHandler, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

interface TextProps {
  type?: 'secondary' | 'danger' | 'warning' | 'success';
  strong?: boolean;
  /** One line ending in …; the whole text is the title (antd's `ellipsis={{ tooltip }}`, without the tooltip's code). */
  ellipsis?: { title: string };
  style?: CSSProperties;
  className?: string;
  children?: ReactNode;
  /** Read on hover (a plain title; antd's ellipsis tooltip draws the same words). */
  title?: string;
  'data-testid'?: string;
}

/** antd's Typography.Text. */
export function Text({ type, strong, ellipsis, title, className, children, ...rest }: TextProps) {
  return (
    <span
      className={cx('ant-typography', type && `ant-typography-${type}`, ellipsis && 'ant-typography-ellipsis ant-typography-ellipsis-single-line', THEME_CLASS, className)}
      title={title ?? ellipsis?.title}
      {...rest}
    >
      {strong ? <strong>{children}</strong> : children}
    </span>
  );
}

/** antd's Typography.Link used as a button (no address). */
export function Link({ onClick, strong, children, ...rest }: { onClick?: MouseEventHandler<HTMLAnchorElement>; strong?: boolean; children?: ReactNode; style?: CSSProperties; title?: string; 'data-testid'?: string }) {
  return (
    <a className={cx('ant-typography ant-typography-link', THEME_CLASS)} onClick={onClick} {...rest}>
      {strong ? <strong>{children}</strong> : children}
    </a>
  );
}

/** antd's Typography.Title. */
export function Title({ level, style, children }: { level: 1 | 2 | 3 | 4 | 5; style?: CSSProperties; children?: ReactNode }) {
  const H = `h${level}` as const;
  return (
    <H className={cx('ant-typography', THEME_CLASS)} style={style}>
      {children}
    </H>
  );
}
