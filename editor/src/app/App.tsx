import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { InboxPage } from '../inbox/InboxPage';
import { EditorPage } from '../pages/EditorPage';
import { WorkflowsPage } from '../pages/WorkflowsPage';
import { ReportsPage } from '../reports/ReportsPage';
import { VariablesPage } from '../variables/VariablesPage';
import { parseRoute, type Route, useHash } from './hash-route';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NoticeBar } from './NoticeBar';

const sections = [
  ['workflows', '#/'],
  ['inbox', '#/inbox'],
  ['reports', '#/reports'],
  ['variables', '#/variables'],
] as const;

function sectionOf(route: Route): (typeof sections)[number][0] {
  if (route.page === 'inbox' || route.page === 'reports' || route.page === 'variables') return route.page;
  return 'workflows';
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'editor':
      return (
        <EditorPage key={route.workflowId} workflowId={route.workflowId} executionId={route.executionId} />
      );
    case 'inbox':
      return <InboxPage caseId={route.caseId} />;
    case 'reports':
      return <ReportsPage reportId={route.reportId} />;
    case 'variables':
      return <VariablesPage />;
    case 'list':
      return <WorkflowsPage />;
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = parseRoute(useHash());
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);
  return (
    <div className="app">
      <header className="app-header">
        <a href="#/" className="brand" data-testid="nav-home">
          <strong>SBSS</strong> <span>{t('app.subtitle')}</span>
        </a>
        <nav>
          {sections.map(([section, href]) => (
            <a
              key={section}
              href={href}
              data-testid={`nav-${section}`}
              aria-current={sectionOf(route) === section ? 'page' : undefined}
            >
              {t(`nav.${section}`)}
            </a>
          ))}
        </nav>
        <LanguageSwitcher />
      </header>
      <NoticeBar />
      <main className="app-main">
        <Page route={route} />
      </main>
    </div>
  );
}
