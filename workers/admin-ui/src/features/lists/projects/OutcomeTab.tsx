import { Descriptions, Empty, Table, Typography } from 'antd';
import type { Funding, ProjectDetail } from '../../../api/project-endpoints.ts';
import { dash } from '../../../lib/dash.ts';
import { formatFen } from '../../../lib/money.ts';
import type { TabProps } from './tabProps.ts';

/** 成效: what was delivered, to how many people, and the alliance's acceptance. */
export function OutcomeTab({ project }: TabProps) {
  const p = project.value;
  if (p.completedOn === null && p.beneficiaries === null && p.outcomeNote === null) {
    return <Empty description="项目完成后由承担单位报告成效，联合体验收" />;
  }
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="project-outcome">
      <Descriptions.Item label="完成日期">{dash(p.completedOn)}</Descriptions.Item>
      <Descriptions.Item label="验收日期">{dash(p.acceptedOn)}</Descriptions.Item>
      <Descriptions.Item label="受益人数">{p.beneficiaries === null ? '—' : `${p.beneficiaries} 人`}</Descriptions.Item>
      <Descriptions.Item label="完成数量">{dash(p.deliveredQty)}</Descriptions.Item>
      <Descriptions.Item label="成效说明" span={2}>
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{dash(p.outcomeNote)}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="验收意见" span={2}>
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{dash(p.acceptanceNote)}</Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 经费: each source (上级拨 / 各方筹 / 党费补) with its share of the budget. */
export function FundingTab({ project }: TabProps) {
  const p: ProjectDetail = project.value;
  const total = p.funding.reduce((s, f) => s + f.amountFen, 0);
  if (p.funding.length === 0) return <Empty description="未填报经费" />;
  return (
    <Table<Funding & { key: number }>
      size="small"
      pagination={false}
      data-testid="funding-table"
      dataSource={p.funding.map((f, i) => ({ ...f, key: i }))}
      columns={[
        { title: '经费来源', dataIndex: 'source' },
        { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
        { title: '占比', dataIndex: 'amountFen', key: 'share', align: 'right', render: (fen: number) => (total > 0 ? `${((fen / total) * 100).toFixed(1)}%` : '—') },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>合计</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong data-testid="funding-sum">
              {formatFen(total)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {total > 0 ? '100%' : '—'}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
