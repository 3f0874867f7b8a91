import { cx, THEME_CLASS } from './cx.ts';

/** antd's Spin, spinning (the dots), as a standalone indicator. */
export function Spin({ size }: { size?: 'large' | 'small' }) {
  return (
    <div
      className={cx('ant-spin', size === 'large' && 'ant-spin-lg', size === 'small' && 'ant-spin-sm', 'ant-spin-spinning', 'ant-spin-section', THEME_CLASS)}
      aria-live="polite"
      aria-busy="true"
    >
      <SpinDots />
    </div>
  );
}

export function SpinDots() {
  return (
    <span className="ant-spin-dot-holder">
      <span className="ant-spin-dot ant-spin-dot-spin">
        <i className="ant-spin-dot-item" />
        <i className="ant-spin-dot-item" />
        <i className="ant-spin-dot-item" />
        <i className="ant-spin-dot-item" />
      </span>
    </span>
  );
}
