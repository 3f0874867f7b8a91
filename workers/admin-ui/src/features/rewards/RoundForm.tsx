import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import { yuanToFen } from '../../lib/money.ts';
import { toHundredths } from './labels.ts';
import { DESIGNATION_OPTIONS, GRADE_OPTIONS, GRADES, METHOD_OPTIONS, SUBJECT_OPTIONS } from './labels.ts';
import type { RoundFormValues } from './settings.ts';

/** An amount in 元 (two decimals at most); `required` or may be left empty. */
const yuanRule = (label: string, required: boolean) => ({
  validator: async (_: unknown, raw: string | undefined) => {
    if (!raw?.trim()) {
      if (required) throw new Error(`请填写${label}`);
      return;
    }
    const fen = yuanToFen(raw);
    if (fen === null) throw new Error(`${label}须为不超过两位小数的金额，如 1234.56`);
    if (fen > 10_000_000_000) throw new Error(`${label}不能超过 1 亿元`);
  },
});
const decimalRule = (label: string, max: number) => ({
  validator: async (_: unknown, raw: string | undefined) => {
    if (!raw?.trim()) throw new Error(`请填写${label}`);
    const h = toHundredths(raw);
    if (h === null) throw new Error(`${label}须为不超过两位小数的数字`);
    if (h > max * 100) throw new Error(`${label}不能超过 ${max}`);
  },
});
const yuanInput = (placeholder = '如 10000') => <Input inputMode="decimal" placeholder={placeholder} suffix="元" />;

/** The settings of a draft round: who, how much, by which method, who qualifies, cap and floor. */
export function RoundForm({
  form,
  disabled,
  creating,
  cityRounds,
}: {
  form: FormInstance<RoundFormValues>;
  disabled?: boolean;
  creating?: boolean;
  /** A county's round: the published city rounds it may match (配套); absent in the city's own rounds. */
  cityRounds?: Array<{ value: string; label: string }>;
}) {
  const kind = Form.useWatch('methodKind', form);
  const matchOn = Form.useWatch('matchOn', form);
  return (
    <Form form={form} layout="vertical" name="reward-round" disabled={disabled}>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="name" label="轮次名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { min: 2, message: '名称至少 2 个字' }, { max: 60, message: '名称最多 60 个字' }]}>
            <Input placeholder="如 2026年度党建联合体以奖代补" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} disabled={disabled || !creating} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="subject" label="奖补对象" rules={[{ required: true, message: '请选择奖补对象' }]}>
            <Select options={SUBJECT_OPTIONS} disabled={disabled || !creating} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="budgetYuan" label="预算（元）" rules={[yuanRule('预算', true)]}>
            {yuanInput('如 500000')}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="methodKind" label="分配方式" rules={[{ required: true, message: '请选择分配方式' }]}>
        <Radio.Group options={METHOD_OPTIONS} optionType="button" />
      </Form.Item>
      {kind === 'tiered_grade' && (
        <Row gutter={16}>
          {GRADE_OPTIONS.map((g) => (
            <Col span={6} key={g.value}>
              <Form.Item name={['gradeTiers', g.value]} label={`${g.label}（元/个）`} rules={[yuanRule(`${g.label}档金额`, false)]} extra={g.value === GRADES[0] ? '不填的等次不奖补' : undefined}>
                {yuanInput()}
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
      {kind === 'tiered_designation' && (
        <Form.List name="designationTiers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'designation']} rules={[{ required: true, message: '请选择荣誉' }]}>
                    <Select options={DESIGNATION_OPTIONS} placeholder="荣誉" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountYuan']} rules={[yuanRule('档位金额', true)]}>
                    {yuanInput()}
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined aria-label="删除档位" onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Form.Item extra="同时获得多项荣誉的，按最高一档">
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  添加档位
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
      )}
      {kind === 'proportional' && (
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="thresholdScore" label="起算分" rules={[decimalRule('起算分', 100)]} extra="超过起算分的部分参与分配">
              <Input inputMode="decimal" placeholder="如 80" suffix="分" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="perPointYuan" label="每分金额（可不填）" rules={[yuanRule('每分金额', false)]} extra="不填则按得分比例分完预算">
              {yuanInput('如 500')}
            </Form.Item>
          </Col>
        </Row>
      )}
      {kind === 'base_uplift' && (
        <>
          <Form.Item name="baseYuan" label="基数（元/个）" rules={[yuanRule('基数', true)]} style={{ maxWidth: 260 }}>
            {yuanInput()}
          </Form.Item>
          <Form.List name="uplifts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'designation']} rules={[{ required: true, message: '请选择荣誉' }]}>
                      <Select options={DESIGNATION_OPTIONS} placeholder="荣誉" style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} initialValue="percent">
                      <Radio.Group options={[{ value: 'percent', label: '上浮比例' }, { value: 'fixed', label: '一次性奖励' }]} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['uplifts', f.name, 'kind']) === 'fixed' ? (
                          <Form.Item name={[f.name, 'fixedYuan']} rules={[yuanRule('一次性奖励', true)]}>
                            {yuanInput()}
                          </Form.Item>
                        ) : (
                          <Form.Item name={[f.name, 'percent']} rules={[decimalRule('上浮比例', 1000)]}>
                            <Input inputMode="decimal" placeholder="如 30" suffix="%" />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                    <MinusCircleOutlined aria-label="删除上浮规则" onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Form.Item extra="多项上浮相加计算，不叠乘">
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'percent' })}>
                    添加上浮规则
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
        </>
      )}
      <Row gutter={16}>
        <Col span={5}>
          <Form.Item name="minGrade" label="最低考核等次">
            <Select allowClear options={GRADE_OPTIONS.map((g) => ({ ...g, label: `${g.label}及以上` }))} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="anyDesignation" label="须具备的荣誉（任一）">
            <Select mode="multiple" allowClear options={DESIGNATION_OPTIONS} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="excludeUnderRectification" label="整顿中的不参加" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="requireMemberReport" label="须完成双报到" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="capYuan" label="单个上限（可不填）" rules={[yuanRule('单个上限', false)]}>
            {yuanInput()}
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="floorYuan" label="单个下限（可不填）" rules={[yuanRule('单个下限', false)]}>
            {yuanInput()}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="note" label="说明（可不填）" rules={[{ max: 500, message: '说明最多 500 个字' }]}>
            <Input placeholder="如 依据文件文号" />
          </Form.Item>
        </Col>
      </Row>
      {cityRounds && (
        <>
          <Divider titlePlacement="start" plain>
            配套市级奖补
          </Divider>
          <Form.Item name="matchOn" label="按比例配套市级奖补" valuePropName="checked" extra="对获得市级奖补的本旗县区对象，从本级配套预算中按比例配套">
            <Switch />
          </Form.Item>
          {matchOn && (
            <>
              <Row gutter={16}>
                <Col span={10}>
                  <Form.Item name="matchCityRoundId" label="配套的市级轮次" rules={[{ required: true, message: '请选择要配套的市级轮次' }]}>
                    <Select options={cityRounds} placeholder={cityRounds.length ? '选择已发布的市级轮次' : '本年度暂无本旗县区获奖的市级轮次'} notFoundContent="暂无" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="配套比例（市级 : 县级）" required>
                    <Space>
                      <Form.Item name="matchRatioCity" noStyle rules={[{ required: true, message: '请填写比例' }]}>
                        <InputNumber min={1} max={1000} precision={0} aria-label="市级" />
                      </Form.Item>
                      <span>:</span>
                      <Form.Item name="matchRatioCounty" noStyle rules={[{ required: true, message: '请填写比例' }]}>
                        <InputNumber min={1} max={1000} precision={0} aria-label="县级" />
                      </Form.Item>
                    </Space>
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="matchBudgetYuan" label="配套预算（元）" rules={[yuanRule('配套预算', true)]}>
                    {yuanInput('如 200000')}
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="matchShortfallRule" label="配套预算不足时" rules={[{ required: true, message: '请选择预算不足时的规则' }]}>
                <Radio.Group
                  options={[
                    { value: 'scale', label: '各单位按应配套金额同比例缩减' },
                    { value: 'cap_in_order', label: '按市级奖补金额从高到低足额配套，直至预算用完' },
                  ]}
                />
              </Form.Item>
              <Typography.Paragraph type="secondary">例：比例 1:1 时，市级奖补 10,000.00 元的对象应配套 10,000.00 元。</Typography.Paragraph>
            </>
          )}
        </>
      )}
    </Form>
  );
}
