import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/** The spinner shown while a page's chunk is fetched (加载中…). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240, height: '100%' }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

/**
 * A page loaded on first visit, so vite emits one chunk per page instead of one bundle for all of them.
 * Pages are named exports: `lazyPage(() => import('./x-page.tsx'), 'XPage')`. The page carries its own
 * Suspense boundary, so the shell (menu, header) stays on screen while the chunk loads.
 */
export function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): ComponentType {
  const Page = lazy<ComponentType>(async () => {
    const loaded = await load();
    return { default: loaded[name] };
  });
  function LazyPage() {
    return (
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${String(name)})`;
  return LazyPage;
}
