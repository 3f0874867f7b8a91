import type { CSSProperties, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

/** antd's Statistic: a title over a figure (grouped as zh-CN writes it, `precision` decimals), a prefix and a suffix. */
export function Statistic({ title, value, precision, prefix, suffix, valueStyle, ...rest }: { title?: ReactNode; value: number | string; precision?: number; prefix?: ReactNode; suffix?: ReactNode; valueStyle?: CSSProperties; 'data-testid'?: string }) {
  let int: string;
  let decimal = '';
  if (typeof value === 'number') {
    const fixed = precision === undefined ? String(value) : value.toFixed(precision);
    const [i = '', d] = fixed.split('.');
    // Thousands grouped by a pattern, as antd does: no Intl number format, whose first use on a cold
    // page load cost ~40 ms (ICU's locale data; docs/adr/0031, tenth session).
    int = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    decimal = d ? `.${d}` : '';
  } else int = value;
  return (
    <div className={cx('ant-statistic', THEME_CLASS)} {...rest}>
      {title !== undefined && (
        <div className="ant-statistic-header">
          <div className="ant-statistic-title">{title}</div>
        </div>
      )}
      <div className="ant-statistic-content" style={valueStyle}>
        {prefix !== undefined && <span className="ant-statistic-content-prefix">{prefix}</span>}
        <span className="ant-statistic-content-value">
          <span className="ant-statistic-content-value-int">{int}</span>
          {decimal && <span className="ant-statistic-content-value-decimal">{decimal}</span>}
        </span>
        {suffix !== undefined && <span className="ant-statistic-content-suffix">{suffix}</span>}
      </div>
    </div>
  );
}
