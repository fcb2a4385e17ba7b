import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeTypeInfo } from '../api/contract';
import { groupByCategory, localize } from '../workflow/node-catalog';

/** The drag payload: a node type id under our own MIME type, so stray drops are ignored. */
export const nodeTypeMime = 'application/x-sbss-node-type';

export function Palette({ types, onAdd }: { types: NodeTypeInfo[]; onAdd: (type: string) => void }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => groupByCategory(types, search, i18n.language), [types, search, i18n.language]);
  const knownCategories = new Set([
    'trigger',
    'listening',
    'scoring',
    'crm',
    'reporting',
    'notify',
    'flow',
    'data',
  ]);
  return (
    <aside className="palette" data-testid="palette">
      <input
        type="search"
        className="palette-search"
        data-testid="palette-search"
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {groups.length === 0 ? <p className="muted">{t('palette.nothing')}</p> : null}
      {groups.map((group) => (
        <section
          key={group.category}
          className="palette-group"
          data-testid={`palette-group-${group.category}`}
        >
          <h3>
            {knownCategories.has(group.category) ? t(`category.${group.category as 'flow'}`) : group.category}
          </h3>
          <ul>
            {group.types.map((nodeType) => (
              <li key={nodeType.type}>
                <button
                  type="button"
                  draggable
                  className={`palette-item category-${nodeType.category}`}
                  data-testid={`palette-item-${nodeType.type}`}
                  title={localize(nodeType.description, i18n.language) || nodeType.type}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(nodeTypeMime, nodeType.type);
                    event.dataTransfer.effectAllowed = 'move';
                  }}
                  onDoubleClick={() => onAdd(nodeType.type)}
                >
                  <span>{localize(nodeType.title, i18n.language)}</span>
                  <small>{nodeType.type}</small>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
