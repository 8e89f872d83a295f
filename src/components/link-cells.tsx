import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { Role } from '../../types/domain';

/** One entry of a home: what it says and the page it opens; `roles` absent means everyone on that home. */
export type PageLink = { key: string; title: string; url: string; roles?: readonly Role[] };

/** The entries one role sees (null: a home opened without a role sees only the everyone entries). */
export function visibleTo(links: readonly PageLink[], role: Role | null): PageLink[] {
  return links.filter((l) => l.roles === undefined || (role !== null && l.roles.includes(role)));
}

/** The groups of entries one role sees, empty groups left out. */
export function linksFor(groups: readonly (readonly PageLink[])[], role: Role | null): PageLink[][] {
  return groups.map((group) => visibleTo(group, role)).filter((g) => g.length > 0);
}

/** A group of entries, each opening its page (class `link-<key>`). */
export function LinkCells({ links }: { links: readonly PageLink[] }) {
  return (
    <CellGroup>
      {links.map((l) => (
        <Cell
          key={`${l.key} ${l.title}`}
          className={`link-${l.key}`}
          title={l.title}
          clickable
          onClick={() => void Taro.navigateTo({ url: l.url })}
        />
      ))}
    </CellGroup>
  );
}
