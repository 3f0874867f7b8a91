import type { ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

/**
 * antd's line Progress, small: the bar and its figure (`format`, else the percent; none with `showInfo={false}`).
 * At 100 % without a status of its own it is done (success), as antd's.
 */
export function Progress({
  percent,
  status,
  format,
  strokeColor,
  showInfo = true,
  ...rest
}: { percent: number; status?: 'normal' | 'exception' | 'success' | 'active'; format?: (percent: number) => ReactNode; strokeColor?: string; showInfo?: boolean; 'data-testid'?: string }) {
  const p = Math.max(0, Math.min(100, percent));
  const state = status ?? (p >= 100 ? 'success' : 'normal');
  const shown = format ? format(p) : `${Math.round(p)}%`;
  return (
    <div
      className={cx('ant-progress', `ant-progress-status-${state}`, 'ant-progress-line ant-progress-line-align-end ant-progress-line-position-outer', showInfo && 'ant-progress-show-info', 'ant-progress-small', THEME_CLASS)}
      role="progressbar"
      aria-valuenow={p}
      aria-valuemin={0}
      aria-valuemax={100}
      {...rest}
    >
      <div className="ant-progress-body" style={{ width: '100%' }}>
        <div className="ant-progress-rail" style={{ height: 6 }}>
          <div className="ant-progress-track" style={{ width: `${p}%`, height: 6, ...(strokeColor ? { background: strokeColor } : {}) }} />
        </div>
        {showInfo && (
          <span className="ant-progress-indicator ant-progress-indicator-end ant-progress-indicator-outer" title={typeof shown === 'string' ? shown : undefined}>
            {shown}
          </span>
        )}
      </div>
    </div>
  );
}
