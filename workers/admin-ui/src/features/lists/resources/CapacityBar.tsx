import { cx, THEME_CLASS } from '../../../light/cx.ts';

/**
 * antd's small line Progress without its figure (`showInfo={false}`), as antd draws it, for 资源清单's
 * rows (drawn without antd, src/light/, docs/adr/0031): src/light's Progress always shows the figure.
 * At 100 % antd colours the bar as done (status success), and so does this. `CapacityBar.markup.node.test.ts`
 * draws it beside antd's.
 */
export function CapacityBar({ percent }: { percent: number }) {
  const p = Math.max(0, Math.min(100, percent));
  return (
    <div
      className={cx('ant-progress', `ant-progress-status-${p >= 100 ? 'success' : 'normal'}`, 'ant-progress-line ant-progress-line-align-end ant-progress-line-position-outer ant-progress-small', THEME_CLASS)}
      role="progressbar"
      aria-valuenow={p}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div className="ant-progress-body" style={{ width: '100%' }}>
        <div className="ant-progress-rail" style={{ height: 6 }}>
          <div className="ant-progress-track" style={{ width: `${p}%`, height: 6 }} />
        </div>
      </div>
    </div>
  );
}
