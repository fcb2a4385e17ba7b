import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorPage } from '../pages/EditorPage';
import { WorkflowsPage } from '../pages/WorkflowsPage';
import { parseRoute, useHash } from './hash-route';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NoticeBar } from './NoticeBar';

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
        <a href="#/" className="brand" data-testid="nav-workflows">
          <strong>SBSS</strong> <span>{t('app.subtitle')}</span>
        </a>
        <nav>
          <a href="#/">{t('nav.workflows')}</a>
        </nav>
        <LanguageSwitcher />
      </header>
      <NoticeBar />
      <main className="app-main">
        {route.page === 'editor' ? (
          <EditorPage key={route.workflowId} workflowId={route.workflowId} executionId={route.executionId} />
        ) : (
          <WorkflowsPage />
        )}
      </main>
    </div>
  );
}
