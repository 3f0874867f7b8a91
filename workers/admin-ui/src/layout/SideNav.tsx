import { useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { entryShown, type MenuCounts, type MenuEntry, type Where } from './feature.ts';

interface Props {
  entries: readonly MenuEntry[];
  where: Where;
  /** The entry to highlight (the longest key the address starts with). */
  selected: string;
  /** The desktop sider folded to its icons. */
  collapsed: boolean;
  counts: readonly MenuCounts[];
  hrefOf(key: string): string;
  onOpen(key: string): void;
}

/**
 * The sidebar's entries (docs/adr/0031). Not antd's Menu: that draws every entry twice (once
 * hidden, to register paths), wraps each in a tooltip and measures on mount, about 100 ms of a
 * cold page load on this machine's kind; this is a list of links with the same roles (menu,
 * menuitem, aria-expanded on groups), arrow keys between entries, and antd's dark-menu look
 * (styles.css, `.side-nav`). Folded, it shows every page's icon and names it on hover.
 */
export function SideNav({ entries, where, selected, collapsed, counts, hrefOf, onOpen }: Props) {
  // Groups start open (the 三张清单, 党员与活动 …); the ones the user folds stay folded.
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  const shown = entries.filter((e) => entryShown(e, where));
  const toggle = (key: string) =>
    setFolded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const item = (e: MenuEntry, nested: boolean) => (
    <li key={e.key} role="none">
      <a
        role="menuitem"
        href={hrefOf(e.key)}
        className={`side-nav-item${nested ? ' side-nav-nested' : ''}${e.key === selected ? ' side-nav-selected' : ''}`}
        aria-current={e.key === selected ? 'page' : undefined}
        title={collapsed && typeof e.label === 'string' ? e.label : undefined}
        onClick={(ev: MouseEvent) => {
          // A new tab or window opens the address as a link does.
          if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
          ev.preventDefault();
          onOpen(e.key);
        }}
      >
        <span className="side-nav-icon">{e.icon}</span>
        <span className="side-nav-label">
          {e.label}
          {counts.map(({ Badge }, i) => (
            <Badge key={i} entry={e.key} />
          ))}
        </span>
      </a>
    </li>
  );

  const rows: ReactNode[] = shown.map((e) => {
    if (!e.children) return item(e, false);
    const children = e.children.filter((c) => entryShown(c, where));
    // Folded to icons, a group is its pages' icons.
    if (collapsed) return children.map((c) => item(c, false));
    const open = !folded.has(e.key);
    const holdsSelected = children.some((c) => c.key === selected);
    return (
      <li key={e.key} role="none">
        <button
          type="button"
          role="menuitem"
          aria-expanded={open}
          className={`side-nav-item side-nav-group${holdsSelected ? ' side-nav-group-selected' : ''}`}
          onClick={() => toggle(e.key)}
        >
          <span className="side-nav-icon">{e.icon}</span>
          <span className="side-nav-label">{e.label}</span>
          <span className={`side-nav-arrow${open ? ' side-nav-arrow-open' : ''}`} aria-hidden />
        </button>
        {open && (
          <ul role="group" className="side-nav-children">
            {children.map((c) => item(c, true))}
          </ul>
        )}
      </li>
    );
  });

  return (
    <ul role="menu" aria-label="主菜单" className={`side-nav${collapsed ? ' side-nav-collapsed' : ''}`} data-testid="side-menu" onKeyDown={moveFocus}>
      {rows}
    </ul>
  );
}

/** Up and down (and Home, End) move between the entries, as in antd's menu. */
function moveFocus(ev: KeyboardEvent<HTMLUListElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(ev.key)) return;
  const all = [...ev.currentTarget.querySelectorAll<HTMLElement>('[role=menuitem]')];
  const at = all.indexOf(document.activeElement as HTMLElement);
  const next = ev.key === 'Home' ? 0 : ev.key === 'End' ? all.length - 1 : ev.key === 'ArrowDown' ? Math.min(at + 1, all.length - 1) : Math.max(at - 1, 0);
  all[next]?.focus();
  ev.preventDefault();
}
