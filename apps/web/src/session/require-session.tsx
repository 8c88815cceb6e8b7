import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useSession } from './use-session.ts';

/** Renders its children for a signed-in user; sends everyone else to the log-in page and back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100%' }}>
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div style={{ padding: 48 }}>
        <ProblemAlert error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (session.data === null || session.data.status !== 'authenticated') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return children;
}
