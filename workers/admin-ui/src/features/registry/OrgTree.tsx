import { Empty, Input, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import type { TreeItem } from '../../api/types.ts';

interface Props {
  items: TreeItem[];
  loading: boolean;
  selectedId: string | null;
  onSelect(item: TreeItem | null): void;
}

interface Built {
  roots: TreeItem[];
  children: Map<string, TreeItem[]>;
  byId: Map<string, TreeItem>;
}

// One collator for every comparison: `localeCompare` with a locale sets one up on each call.
const collator = new Intl.Collator('zh-Hans-CN');
const byName = (a: TreeItem, b: TreeItem) => collator.compare(a.name, b.name);

function build(items: TreeItem[]): Built {
  const byId = new Map(items.map((i) => [i.id, i]));
  const children = new Map<string, TreeItem[]>();
  const roots: TreeItem[] = [];
  for (const item of items) {
    // A parent outside the list (inactive, or another tenant's) makes the node a root here.
    if (item.parentId && byId.has(item.parentId)) {
      const list = children.get(item.parentId) ?? [];
      list.push(item);
      children.set(item.parentId, list);
    } else {
      roots.push(item);
    }
  }
  // The committee hierarchy first; standalone units (external members) after it.
  const hasKids = (i: TreeItem) => (children.has(i.id) ? 0 : 1);
  roots.sort((a, b) => hasKids(a) - hasKids(b) || byName(a, b));
  for (const list of children.values()) list.sort(byName);
  return { roots, children, byId };
}

/** The ids of every ancestor of the given nodes, so matches can be expanded into view. */
function ancestorsOf(ids: Iterable<string>, byId: Map<string, TreeItem>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    let p = byId.get(id)?.parentId;
    while (p && byId.has(p) && !out.has(p)) {
      out.add(p);
      p = byId.get(p)?.parentId;
    }
  }
  return out;
}

export function OrgTree({ items, loading, selectedId, onSelect }: Props) {
  const built = useMemo(() => build(items), [items]);
  const [search, setSearch] = useState('');
  // The first level opens with the data, in the same draw: officials start from their
  // street/township committees. A new list (a reload) opens it again.
  const [opened, setOpened] = useState<{ of: Built; keys: string[] } | null>(null);
  const firstLevel = useMemo(() => built.roots.map((r) => r.id), [built]);
  const expanded = opened?.of === built ? opened.keys : firstLevel;
  const setExpanded = (keys: string[]) => setOpened({ of: built, keys });
  const [height, setHeight] = useState(() => Math.max(window.innerHeight - 230, 320));

  useEffect(() => {
    const onResize = () => setHeight(Math.max(window.innerHeight - 230, 320));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const term = search.trim();
  const matches = useMemo(() => {
    if (!term) return null;
    return new Set(items.filter((i) => i.name.includes(term)).map((i) => i.id));
  }, [items, term]);
  // Matches, the path down to them, and everything under them (so a found node can be expanded).
  const visible = useMemo(() => {
    if (!matches) return null;
    const out = new Set([...matches, ...ancestorsOf(matches, built.byId)]);
    const stack = [...matches];
    for (let id = stack.pop(); id; id = stack.pop()) {
      for (const kid of built.children.get(id) ?? []) {
        if (!out.has(kid.id)) {
          out.add(kid.id);
          stack.push(kid.id);
        }
      }
    }
    return out;
  }, [matches, built]);

  useEffect(() => {
    if (matches) setExpanded([...ancestorsOf(matches, built.byId)]);
  }, [matches, built]);

  const treeData = useMemo(() => {
    const toNode = (item: TreeItem): DataNode | null => {
      if (visible && !visible.has(item.id)) return null;
      const kids = (built.children.get(item.id) ?? []).map(toNode).filter((n): n is DataNode => n !== null);
      const hit = matches?.has(item.id);
      return {
        key: item.id,
        title: (
          <span title={`${item.name}（${item.kind}·${item.domain}）`}>
            {hit ? <Typography.Text mark>{item.name}</Typography.Text> : item.name}
            {item.status === 'inactive' && <Typography.Text type="secondary">（已停用）</Typography.Text>}
          </span>
        ),
        children: kids.length ? kids : undefined,
        isLeaf: kids.length === 0,
      };
    };
    return built.roots.map(toNode).filter((n): n is DataNode => n !== null);
  }, [built, visible, matches]);

  return (
    <div data-testid="org-tree">
      <Input.Search
        placeholder="搜索组织名称"
        allowClear
        onSearch={setSearch}
        onChange={(e) => !e.target.value && setSearch('')}
        style={{ marginBottom: 8 }}
      />
      {loading ? (
        <div style={{ textAlign: 'center', padding: 40 }}>
          <Spin />
        </div>
      ) : treeData.length === 0 ? (
        <Empty description={term ? '没有匹配的组织' : '暂无党组织'} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tree
          blockNode
          showLine
          height={height}
          treeData={treeData}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys as string[])}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const id = keys[0] as string | undefined;
            onSelect(id ? (built.byId.get(id) ?? null) : null);
          }}
        />
      )}
    </div>
  );
}
