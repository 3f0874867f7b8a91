import { Link } from 'react-router-dom';
import type { ProjectSummary } from '../../../api/project-endpoints.ts';
import { bpToPct } from '../../../lib/money.ts';
import { Card } from '../../../light/Card.tsx';
import { Progress } from '../../../light/Progress.tsx';
import { Space } from '../../../light/Space.tsx';
import { Tag } from '../../../light/Tag.tsx';
import { Text } from '../../../light/Typography.tsx';
import { OverdueTag, WarningLight, pctText } from './labels.tsx';

/** One project on the board: what a coordinator scans for (who, how far, by when, is it in trouble). */
export function ProjectCard({ project: p, to }: { project: ProjectSummary; to: string }) {
  return (
    <Card size="small" className="project-card" data-testid="project-card" data-project-id={p.id} style={{ marginBottom: 8 }}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <Link to={to} style={{ fontWeight: 500, flex: 1, minWidth: 0, wordBreak: 'break-all' }}>
            {p.title}
          </Link>
          <span style={{ whiteSpace: 'nowrap' }}>
            <WarningLight level={p.warning} reason={p.warningReason} />
          </span>
        </div>
        {/* antd's `ellipsis` without a tooltip: one line ending in …, by class. */}
        <Text type="secondary" style={{ fontSize: 12 }} className="ant-typography-ellipsis ant-typography-ellipsis-single-line">
          {p.allianceName}
        </Text>
        <Progress format={pctText} percent={bpToPct(p.progressBp)} status={p.overdue ? 'exception' : p.progressBp >= 10000 ? 'success' : 'active'} />
        <Space size={4} wrap>
          <Text type={p.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            期限 {p.dueOn}
          </Text>
          {p.overdue && <OverdueTag />}
        </Space>
        {p.claimOrgNames.length > 0 && (
          <Space size={4} wrap>
            {p.claimOrgNames.map((n) => (
              <Tag key={n} style={{ marginInlineEnd: 0, fontSize: 12 }}>
                {n}
              </Tag>
            ))}
          </Space>
        )}
      </Space>
    </Card>
  );
}
