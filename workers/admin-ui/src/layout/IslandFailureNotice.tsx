import { Alert } from '../light/Alert.tsx';
import { Button } from '../light/Button.tsx';
import { useIslandFailure } from '../lib/ant-island.tsx';

/**
 * Said above the page when a piece of it loaded on demand (a filter bar, a menu, the bell, a chart) could
 * not be loaded: its look-alike stays on screen and takes no input, so the person is told, and given the one
 * mend, a reload (lib/ant-island.tsx). Drawn without antd, which is what failed.
 */
export function IslandFailureNotice() {
  const failed = useIslandFailure();
  if (!failed) return null;
  return (
    <Alert
      type="warning"
      title="页面的部分功能（筛选栏、菜单、图表等）未能加载，可能是网络中断或系统刚刚更新。请重新加载页面。"
      action={
        <Button size="small" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="island-failure"
    />
  );
}
