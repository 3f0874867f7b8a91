/**
 * Where a filter bar (an antd island, lib/ant-island.tsx) will be: one box per item (label and field,
 * then 查询 and 重置) at its width, wrapping as the form's items wrap, so the list below does not move
 * when the form arrives.
 */
export function FiltersPlaceholder({ widths }: { widths: readonly number[] }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8, columnGap: 16 }}>
      {widths.map((w, i) => (
        <div key={i} style={{ width: w, maxWidth: '100%', height: 32 }} />
      ))}
    </div>
  );
}
