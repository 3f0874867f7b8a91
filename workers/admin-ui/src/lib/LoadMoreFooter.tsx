import { Button } from '../light/Button.tsx';
import { Text } from '../light/Typography.tsx';

interface Props {
  shown: number;
  total: number | null;
  cursor: string | null;
  loading: boolean;
  /** The measure word that goes with the count: 个, 件, 条. */
  unit: string;
  onMore: () => void;
}

/** Under a cursor-paged table (drawn without antd, src/light/): the "load more" button while there is more, then how many rows there are. */
export function LoadMoreFooter({ shown, total, cursor, loading, unit, onMore }: Props) {
  return (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      {cursor ? (
        <Button onClick={onMore} loading={loading} data-testid="load-more">
          加载更多（已显示 {shown}
          {total !== null ? ` / ${total}` : ''} {unit}）
        </Button>
      ) : (
        shown > 0 && (
          <Text type="secondary">
            已显示全部 {shown} {unit}
          </Text>
        )
      )}
    </div>
  );
}
