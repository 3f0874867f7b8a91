import type { CSSProperties, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

/** antd's Row with a horizontal gutter (and an optional vertical one). */
export function Row({ gutter = 0, wrap = true, style, children }: { gutter?: number | [number, number]; wrap?: boolean; style?: CSSProperties; children?: ReactNode }) {
  const [x, y] = Array.isArray(gutter) ? gutter : [gutter, 0];
  return (
    <div className={cx('ant-row', !wrap && 'ant-row-no-wrap', THEME_CLASS)} style={{ marginInline: -x / 2, ...(y ? { rowGap: y } : {}), ...style }} data-gutter={x}>
      {children}
    </div>
  );
}

/** antd's Col: a flex basis ('300px', 'auto') or spans per breakpoint; its gutter padding comes from the Row's. */
export function Col({ flex, xs, sm, md, lg, xl, gutter = 16, style, children }: { flex?: string; xs?: number; sm?: number; md?: number; lg?: number; xl?: number; gutter?: number; style?: CSSProperties; children?: ReactNode }) {
  const basis = flex === undefined ? undefined : flex === 'auto' ? '1 1 auto' : `0 0 ${flex}`;
  return (
    <div
      style={{ paddingInline: gutter / 2, ...(basis ? { flex: basis, minWidth: 0 } : {}), ...style }}
      className={cx('ant-col', xs !== undefined && `ant-col-xs-${xs}`, sm !== undefined && `ant-col-sm-${sm}`, md !== undefined && `ant-col-md-${md}`, lg !== undefined && `ant-col-lg-${lg}`, xl !== undefined && `ant-col-xl-${xl}`, THEME_CLASS)}
    >
      {children}
    </div>
  );
}
