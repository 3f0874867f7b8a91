import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { AlliancePicker } from '../../../shared/AlliancePicker.tsx';

export interface Stop {
  id: string;
  name: string;
}

interface Props {
  tenant: string;
  id?: string;
  value?: Stop[];
  onChange?: (value: Stop[]) => void;
}

/** The ordered alliances of a route: add by search, reorder by dragging or with the arrows. */
export function StopList({ tenant, id, value = [], onChange }: Props) {
  const [adding, setAdding] = useState<Stop | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const chosen = new Set(value.map((s) => s.id));

  const move = (from: number, to: number) => {
    if (to < 0 || to >= value.length || from === to) return;
    const next = [...value];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange?.(next);
  };

  return (
    <div id={id}>
      {value.map((s, i) => (
        <div
          key={s.id}
          className={`stop-list-row${over === i ? ' drag-over' : ''}`}
          draggable
          onDragStart={() => setDragFrom(i)}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(i);
          }}
          onDragLeave={() => setOver((o) => (o === i ? null : o))}
          onDrop={(e) => {
            e.preventDefault();
            if (dragFrom !== null) move(dragFrom, i);
            setDragFrom(null);
            setOver(null);
          }}
          onDragEnd={() => {
            setDragFrom(null);
            setOver(null);
          }}
          data-testid="stop-row"
        >
          <HolderOutlined style={{ color: '#999' }} />
          <Typography.Text strong style={{ width: 28 }}>
            {i + 1}.
          </Typography.Text>
          <span style={{ flex: 1 }}>{s.name}</span>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => move(i, i - 1)} />
          <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === value.length - 1} onClick={() => move(i, i + 1)} />
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="移除" onClick={() => onChange?.(value.filter((x) => x.id !== s.id))} />
        </div>
      ))}
      <Space.Compact style={{ width: '100%' }}>
        <AlliancePicker
          tenant={tenant}
          id={id ? `${id}_add` : undefined}
          exclude={chosen}
          value={adding?.id ?? null}
          onChange={(v, a) => setAdding(v && a ? a : null)}
          placeholder="搜索联合体，添加为下一站"
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!adding}
          onClick={() => {
            if (!adding) return;
            onChange?.([...value, adding]);
            setAdding(null);
          }}
        >
          添加
        </Button>
      </Space.Compact>
    </div>
  );
}
