import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n.ts';
import { sessionQueryKey } from '../session/use-session.ts';
import { QueueActionButtons, type QueueAction } from './subsidy-queue-controls.tsx';

/** The row's buttons as the signed-in `userId` sees them (server-rendered, zh-CN). */
function render(userId: string, reviewerUserIds: (string | null)[], actions: QueueAction[] = ['approve']) {
  void i18n.changeLanguage('zh-CN');
  const client = new QueryClient();
  client.setQueryData(sessionQueryKey, { user: { id: userId } });
  const html = renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(QueueActionButtons, { actions, reviewerUserIds, onAction: () => undefined }),
    ),
  );
  const approve = /<button[^>]*>(?:(?!<\/button>).)*审\s*批(?:(?!<\/button>).)*<\/button>/s.exec(html)?.[0];
  return { html, approve };
}

describe('QueueActionButtons: maker-checker on a queue row', () => {
  it('shows the user who reviewed it, instead of approve, that another user must approve', () => {
    const district = render('u-district', ['u-district', null], ['approve', 'clawBack']);
    expect(district.approve).toBeUndefined();
    expect(district.html).toContain('需由其他用户审批');
    expect(district.html).toMatch(/<button[^>]*>(?:(?!<\/button>).)*追\s*回/s);
    const city = render('u-city', ['u-district', 'u-city']);
    expect(city.approve).toBeUndefined();
    expect(city.html).toContain('需由其他用户审批');
  });

  it('offers approve to anyone else, without the hint', () => {
    const other = render('u-other', ['u-district', 'u-city'], ['approve', 'clawBack']);
    expect(other.approve).toBeDefined();
    expect(other.approve).not.toMatch(/disabled/);
    expect(other.html).not.toContain('需由其他用户审批');
  });
});
