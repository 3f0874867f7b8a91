import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { formatFen, formatYuan } from '../../lib/money.ts';
import type { AllocationTableView } from './api.ts';

type Line = AllocationTableView['lines'][number];

const STATUS_COLORS: Record<Line['status'], string> = { awarded: 'green', no_award: 'default', ineligible: 'orange' };

/** The amount, and against the previous simulation the old amount with an arrow when it moved. */
function Amount({ line }: { line: Line }) {
  const prev = line.previousFen;
  if (prev === null || prev === line.amountFen) return <>{formatYuan(line.amountFen)}</>;
  const up = line.amountFen > prev;
  return (
    <span data-testid="amount-changed">
      <Typography.Text type="secondary" delete>
        {formatYuan(prev)}
      </Typography.Text>
      {' → '}
      <Typography.Text type={up ? 'success' : 'danger'}>
        {formatYuan(line.amountFen)} {up ? <ArrowUpOutlined aria-label="增加" /> : <ArrowDownOutlined aria-label="减少" />}
      </Typography.Text>
    </span>
  );
}

/** What changed since the previous simulation, in one line. */
function DiffAlert({ diff }: { diff: NonNullable<AllocationTableView['diff']> }) {
  const parts = [`与上次模拟（预算 ${formatFen(diff.previousBudgetFen)}，分配 ${formatFen(diff.previousAllocatedFen)}）相比：${diff.changed} 个对象金额变化`];
  if (diff.added.length) parts.push(`新获奖补 ${diff.added.join('、')}`);
  if (diff.removed.length) parts.push(`不再获奖补 ${diff.removed.join('、')}`);
  return <Alert data-testid="reward-diff" type={diff.changed || diff.added.length || diff.removed.length ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} title={parts.join('；')} />;
}

interface Props {
  table: AllocationTableView;
  /** A published round's payments: the 登记拨付 button of an unpaid one. */
  onPay?: (line: Line) => void;
}

/** Each recipient's 依据 and amount, every step of the explanation one click away, and the totals. */
export function AllocationTable({ table, onPay }: Props) {
  const published = table.round.status === 'published';
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Statistic title="预算（元）" value={formatYuan(table.budgetFen)} />
        </Col>
        <Col span={6}>
          <Statistic title="应得合计（元）" value={table.demandFen === null ? (published ? '—' : '按比例分完预算') : formatYuan(table.demandFen)} />
        </Col>
        <Col span={6}>
          <Statistic title="已分配（元）" value={formatYuan(table.allocatedFen)} />
        </Col>
        <Col span={6}>
          <Statistic title="未分配（元）" value={formatYuan(table.unallocatedFen)} />
        </Col>
      </Row>
      {table.diff && <DiffAlert diff={table.diff} />}
      {table.notes.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={table.notes.map((n) => n.text).join('；')} />}
      <Table<Line>
        data-testid="reward-allocations"
        rowKey="recipientId"
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        dataSource={table.lines}
        locale={{ emptyText: '没有可奖补的对象' }}
        expandable={{
          expandedRowRender: (l) => (
            <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="reward-steps">
              {l.steps.map((s, i) => (
                <li key={i}>{s.text}</li>
              ))}
            </ol>
          ),
          rowExpandable: (l) => l.steps.length > 0,
        }}
        columns={[
          ...(table.round.level === 'city' ? [{ title: '旗县区', dataIndex: 'countyName', width: 110 }] : []),
          { title: table.round.subject === 'alliance' ? '党建联合体' : '党支部', dataIndex: 'recipientName', width: 220 },
          { title: '结果', dataIndex: 'statusLabel', width: 100, render: (v: string, l) => <Tag color={STATUS_COLORS[l.status]}>{v}</Tag> },
          { title: '依据', dataIndex: 'basis', width: 260, render: (v: string) => <Typography.Text style={{ maxWidth: 240, display: 'inline-block' }}>{v}</Typography.Text> },
          { title: '应得（元）', dataIndex: 'demandFen', align: 'right', width: 130, render: (v: number | null) => (v === null ? '—' : formatYuan(v)) },
          { title: '金额（元）', key: 'amount', align: 'right', width: 180, render: (_: unknown, l) => <Amount line={l} /> },
          ...(published
            ? [
                {
                  title: '拨付',
                  key: 'pay',
                  width: 220,
                  render: (_: unknown, l: Line) =>
                    !l.disbursement ? (
                      '—'
                    ) : l.disbursement.status === 'paid' ? (
                      <span>
                        {l.disbursement.statusLabel} {l.disbursement.paidOn}
                        <br />
                        <Typography.Text type="secondary">凭证号 {l.disbursement.voucherNo}</Typography.Text>
                      </span>
                    ) : (
                      <span>
                        <Tag color="gold">{l.disbursement.statusLabel}</Tag>
                        {onPay && (
                          <Button size="small" onClick={() => onPay(l)}>
                            登记拨付
                          </Button>
                        )}
                      </span>
                    ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={table.round.level === 'city' ? 6 : 5}>
              <strong>合计</strong>（{table.lines.filter((l) => l.amountFen > 0).length} 个获得奖补）
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{formatYuan(table.allocatedFen)}</strong>
            </Table.Summary.Cell>
            {published && <Table.Summary.Cell index={2} />}
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
