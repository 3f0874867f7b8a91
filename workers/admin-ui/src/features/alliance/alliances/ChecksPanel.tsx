import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, List, Space, Typography } from 'antd';
import type { AllianceDetail } from '../../../api/types.ts';

type CheckKey = keyof AllianceDetail['checks'];

const TITLES: Record<CheckKey, { title: string; ok: string }> = {
  composition: { title: '组成规则', ok: '成员构成符合该类型联合体的要求' },
  apply: { title: '提交申请尚缺', ok: '已具备提交申请的条件' },
  establish: { title: '确认组建尚缺', ok: '已具备确认组建的条件' },
  start: { title: '开始运行尚缺', ok: '已具备开始运行的条件' },
  running: { title: '成立后须保持的条件', ok: '三层议事机构、各成员的共建协议与党员联络员、出资比例均符合要求' },
};

/** The checks that matter at this stage: what the next step needs, and the composition rules throughout. */
function relevant(status: AllianceDetail['status']): CheckKey[] {
  switch (status) {
    case 'draft':
    case 'rejected':
      return ['apply', 'composition'];
    case 'applied':
      return ['composition'];
    case 'approved':
      return ['establish', 'composition'];
    case 'established':
      return ['start', 'running', 'composition'];
    case 'active':
    case 'rectifying':
      // Seed 000 8.1, 11.1.2: the founding conditions keep holding while it runs.
      return ['running', 'composition'];
    case 'dissolved':
      return [];
    default:
      return ['composition'];
  }
}

export function ChecksPanel({ alliance }: { alliance: AllianceDetail }) {
  const keys = relevant(alliance.status);
  if (keys.length === 0) return null;
  const missing = keys.reduce((n, k) => n + alliance.checks[k].length, 0);
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>办理条件</span>
          {missing === 0 ? (
            <Typography.Text type="success" style={{ fontWeight: 'normal' }}>
              全部满足
            </Typography.Text>
          ) : (
            <Typography.Text type="warning" style={{ fontWeight: 'normal' }}>
              尚有 {missing} 项
            </Typography.Text>
          )}
        </Space>
      }
      data-testid="checks-panel"
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="small">
        {keys.map((k) => {
          const items = alliance.checks[k];
          return (
            <div key={k} data-testid={`checks-${k}`}>
              <Typography.Text strong>{TITLES[k].title}</Typography.Text>
              {items.length === 0 ? (
                <div style={{ padding: '4px 0' }}>
                  <CheckCircleFilled style={{ color: '#52c41a', marginRight: 6 }} />
                  <Typography.Text type="secondary">{TITLES[k].ok}</Typography.Text>
                </div>
              ) : (
                <List
                  size="small"
                  split={false}
                  dataSource={items}
                  renderItem={(p) => (
                    <List.Item style={{ padding: '2px 0' }} data-code={p.code}>
                      <span>
                        <ExclamationCircleFilled style={{ color: '#faad14', marginRight: 6 }} />
                        {p.message}
                      </span>
                    </List.Item>
                  )}
                />
              )}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
