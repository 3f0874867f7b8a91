import { Alert, Empty, Modal, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { apiKeyApi, type ApiKey, type ApiKeyUsage } from '../../../api/admin-endpoints.ts';
import { errorText } from '../../../api/client.ts';
import { formatTime } from '../../../lib/time.ts';
import { EChart, type ChartOption } from '../../../shared/EChart.tsx';

/** A key's calls per day over the last 30 days (Asia/Shanghai days), as bars. */
export function UsageModal({ tenant, apiKey, onClose }: { tenant: string; apiKey: ApiKey | null; onClose(): void }) {
  const [usage, setUsage] = useState<ApiKeyUsage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setUsage(null);
    setError(null);
    if (!apiKey) return;
    let live = true;
    apiKeyApi
      .usage(tenant, apiKey.id)
      .then((u) => live && setUsage(u))
      .catch((err) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [tenant, apiKey]);

  const option = useMemo<ChartOption | null>(
    () =>
      usage && {
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} 次` },
        grid: { left: 48, right: 16, top: 24, bottom: 40 },
        xAxis: { type: 'category', data: usage.days.map((d) => d.day.slice(5).replace('-', '月') + '日'), axisLabel: { interval: 4 } },
        yAxis: { type: 'value', name: '调用次数', minInterval: 1 },
        series: [{ type: 'bar', name: '调用次数', data: usage.days.map((d) => d.calls), itemStyle: { color: '#c8102e' } }],
      },
    [usage],
  );

  return (
    <Modal open={apiKey !== null} title={`调用统计：${apiKey?.name ?? ''}`} width={760} footer={null} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      {!usage && !error && <Spin />}
      {usage && (
        <>
          <Typography.Paragraph data-testid="api-key-usage-summary">
            近 30 天共调用 {usage.total} 次；最近使用：{usage.lastUsedAt ? formatTime(usage.lastUsedAt) : '从未使用'}（按北京时间每日统计，含被拒绝的调用）
          </Typography.Paragraph>
          {usage.total === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近 30 天没有调用" />
          ) : (
            option && <EChart option={option} height={280} testId="api-key-usage-chart" />
          )}
        </>
      )}
    </Modal>
  );
}
