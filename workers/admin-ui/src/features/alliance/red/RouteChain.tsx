import { ArrowRightOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import type { RedRoute } from '../../../api/types.ts';
import { ALLIANCE_STATUS_LABELS, STATUS_COLORS } from '../alliances/labels.ts';

/** A route as officials draw it: the alliances along it, in order, joined by arrows. */
export function RouteChain({ tenant, stops }: { tenant: string; stops: ReadonlyArray<Omit<RedRoute['stops'][number], 'status'> & { status?: RedRoute['stops'][number]['status'] }> }) {
  if (stops.length === 0) return <Typography.Text type="secondary">尚未选择沿线联合体</Typography.Text>;
  return (
    <div className="route-chain" data-testid="route-chain">
      {stops.map((s, i) => (
        <Fragment key={s.id}>
          {i > 0 && <ArrowRightOutlined className="route-chain-arrow" aria-label="下一站" />}
          <div className="route-chain-stop" data-testid="route-stop">
            <span className="route-chain-index">{i + 1}</span>
            <Link to={`/t/${tenant}/alliances/${s.id}`}>{s.name}</Link>
            {s.status && (
              <Tag color={STATUS_COLORS[s.status]} style={{ marginInlineEnd: 0 }}>
                {ALLIANCE_STATUS_LABELS[s.status]}
              </Tag>
            )}
          </div>
        </Fragment>
      ))}
    </div>
  );
}
