import { Space, Tag } from 'antd';

/** Why a pair was proposed, in the plain words the API gives (同类, 兼容类别…, 地点, 截止日期); one tag each. */
export function MatchReasons({ reasons }: { reasons: readonly string[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((r) => (
        <Tag key={r} style={{ marginInlineEnd: 0 }}>
          {r}
        </Tag>
      ))}
    </Space>
  );
}
