import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/contract';

export function ProblemsPanel({
  problems,
  onShow,
}: {
  problems: readonly Problem[];
  onShow: (nodeId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel problems-panel" data-testid="problems-panel">
      <h2>{t('problems.title')}</h2>
      {problems.length === 0 ? <p className="muted">{t('problems.none')}</p> : null}
      <ul className="problems">
        {problems.map((problem, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems come as one list per validation and are not edited
          <li key={index} className={`problem-${problem.severity}`} data-testid="problem">
            <code>{problem.code}</code> {problem.message}
            {problem.nodeId ? (
              <button type="button" className="link" onClick={() => onShow(problem.nodeId as string)}>
                {t('problems.show')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
