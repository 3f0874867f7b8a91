import { Alert, Col, Row, Statistic, Table, Typography } from 'antd';
import { formatYuan } from '../../lib/money.ts';
import type { MatchingTableView } from './api.ts';

type Line = MatchingTableView['lines'][number];

/**
 * 配套 (ADR 0025): for each recipient of the county with a city award, the
 * city's award, what the ratio asks, what the county matches and the shortfall,
 * every step explained; the rule stated above the table.
 */
export function MatchingTable({ matching, testId = 'reward-matching' }: { matching: MatchingTableView; testId?: string }) {
  return (
    <>
      <Typography.Paragraph>
        配套市级轮次「{matching.cityRoundName}」，{matching.ratioText}；{matching.ruleText}。
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={5}>
          <Statistic title="市级奖补合计（元）" value={formatYuan(matching.cityTotalFen)} />
        </Col>
        <Col span={5}>
          <Statistic title="应配套合计（元）" value={formatYuan(matching.wantedTotalFen)} />
        </Col>
        <Col span={5}>
          <Statistic title="配套预算（元）" value={formatYuan(matching.budgetFen)} />
        </Col>
        <Col span={5}>
          <Statistic title="实际配套（元）" value={formatYuan(matching.matchedTotalFen)} />
        </Col>
        <Col span={4}>
          <Statistic title="配套差额（元）" value={formatYuan(matching.shortfallTotalFen)} />
        </Col>
      </Row>
      {matching.notes.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={matching.notes.map((n) => n.text).join('；')} />}
      <Table<Line>
        data-testid={testId}
        rowKey="recipientId"
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        dataSource={matching.lines}
        locale={{ emptyText: '该市级轮次中本旗县区没有获得奖补的对象' }}
        expandable={{
          expandedRowRender: (l) => (
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {l.steps.map((s, i) => (
                <li key={i}>{s.text}</li>
              ))}
            </ol>
          ),
          rowExpandable: (l) => l.steps.length > 0,
        }}
        columns={[
          { title: '对象', dataIndex: 'recipientName', width: 260 },
          { title: '市级奖补（元）', dataIndex: 'cityFen', align: 'right', width: 140, render: (v: number) => formatYuan(v) },
          { title: '应配套（元）', dataIndex: 'wantedFen', align: 'right', width: 140, render: (v: number) => formatYuan(v) },
          { title: '县级配套（元）', dataIndex: 'matchedFen', align: 'right', width: 140, render: (v: number) => formatYuan(v) },
          { title: '差额（元）', dataIndex: 'shortfallFen', align: 'right', width: 120, render: (v: number) => formatYuan(v) },
          { title: '说明', key: 'explain', width: 320, render: (_: unknown, l) => <Typography.Text style={{ maxWidth: 300, display: 'inline-block' }}>{l.steps.slice(1).map((s) => s.text).join('；')}</Typography.Text> },
        ]}
      />
    </>
  );
}
