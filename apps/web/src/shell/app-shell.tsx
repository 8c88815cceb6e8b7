import { BankOutlined, DownOutlined, LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Dropdown, Layout, Menu, Space, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { authApi } from '../api/auth-api.ts';
import { LanguageSwitch } from '../common/language-switch.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel } from '../reference/reference-options.ts';
import { sessionQueryKey, useSession } from '../session/use-session.ts';
import { buildNavigation } from './build-navigation.ts';
import { navigationIcons } from './navigation-icons.tsx';
import { NotificationBell } from '../notifications/notification-bell.tsx';

/** The signed-in frame: side menu by role and permissions, header with language switch and user menu. */
export function AppShell() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const [collapsed, setCollapsed] = useState(false);

  const logout = useMutation({
    mutationFn: () => authApi.logout(),
    onSuccess: async () => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
      await navigate('/login', { replace: true });
    },
    onError: (error) => void message.error(error.message),
  });

  if (session === null || session === undefined) return null;

  const groups = buildNavigation(session.role, session.permissions, t);
  const menuItems: MenuProps['items'] = groups.map((group) => ({
    type: 'group',
    key: group.key,
    label: collapsed ? null : group.label,
    children: group.entries.map((entry) => ({
      key: entry.path,
      icon: navigationIcons[entry.icon],
      label: entry.label,
    })),
  }));
  const firstSegment = `/${location.pathname.split('/')[1] ?? ''}`;
  const organisationName = language === 'zh-CN' ? session.organisation.nameZh : session.organisation.nameEn;
  const roleLabel = referenceLabel('roles', session.role, language);

  const userMenu: MenuProps['items'] = [
    { key: 'who', disabled: true, label: <span>{`${organisationName} · ${roleLabel}`}</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
  ];

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={232} theme="dark">
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            gap: 10,
            padding: '0 20px',
            color: '#fff',
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          <BankOutlined style={{ fontSize: 22, color: token.colorPrimary }} />
          {!collapsed && <span style={{ fontSize: 15 }}>{t('app.shortTitle')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[firstSegment]}
          items={menuItems}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('app.title')}
          </Typography.Text>
          <Space size="large">
            <NotificationBell />
            <LanguageSwitch />
            <Dropdown
              menu={{ items: userMenu, onClick: ({ key }) => key === 'logout' && logout.mutate() }}
              trigger={['click']}
            >
              <a
                onClick={(e) => e.preventDefault()}
                data-testid="user-menu"
                style={{ color: token.colorText }}
              >
                <Space>
                  <Avatar size="small" style={{ background: token.colorPrimary }}>
                    {session.user.displayName.slice(0, 1)}
                  </Avatar>
                  <span>{session.user.displayName}</span>
                  <DownOutlined style={{ fontSize: 10 }} />
                </Space>
              </a>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary, fontSize: 12 }}>
          {t('shell.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
