import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel } from '../reference/reference-options.ts';
import { permissionLabel } from '../session/permission-label.ts';
import { roleScope } from '../session/role-scope.ts';
import { useSession } from '../session/use-session.ts';
import { buildNavigation } from '../shell/build-navigation.ts';
import { navigationIcons } from '../shell/navigation-icons.tsx';

/** Home: who the user is, for which organisation and role, what the role allows, and links to the pages. */
export function HomePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  if (session === null || session === undefined) return null;

  const organisationName = language === 'zh-CN' ? session.organisation.nameZh : session.organisation.nameEn;
  const otherName = language === 'zh-CN' ? session.organisation.nameEn : session.organisation.nameZh;
  const links = buildNavigation(session.role, session.permissions, t)
    .flatMap((g) => g.entries)
    .filter((e) => e.path !== '/');
  const describe = (path: string): string => {
    switch (path) {
      case '/enterprises':
        return t('home.linkEnterprises');
      case '/organisations':
        return t('home.linkOrganisations');
      case '/users':
        return t('home.linkUsers');
      default:
        return '';
    }
  };

  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: session.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{roleScope(session.role, t)}</Typography.Paragraph>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.whoAmI')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: language === 'zh-CN' ? 80 : 150, whiteSpace: 'nowrap' } }}
              items={[
                { key: 'displayName', label: t('home.displayName'), children: session.user.displayName },
                { key: 'login', label: t('home.login'), children: session.user.login },
                {
                  key: 'organisation',
                  label: t('home.organisation'),
                  children: (
                    <div>
                      <div>{organisationName}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {otherName}
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  key: 'kind',
                  label: t('home.organisationKind'),
                  children: referenceLabel('organisationKinds', session.organisation.kind, language),
                },
                {
                  key: 'role',
                  label: t('home.role'),
                  children: <Tag color="blue">{referenceLabel('roles', session.role, language)}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.whatICanDo')} style={{ height: '100%' }}>
            {session.permissions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noPermissions')} />
            ) : (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                {session.permissions.map((p) => (
                  <Tag key={p} color="geekblue" title={p}>
                    {permissionLabel(p, t)}
                  </Tag>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('home.quickLinks')}
      </Typography.Title>
      {links.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noLinks')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {links.map((entry) => (
            <Col xs={24} sm={12} lg={8} key={entry.path}>
              <Link to={entry.path}>
                <Card hoverable>
                  <Card.Meta
                    avatar={<span style={{ fontSize: 24 }}>{navigationIcons[entry.icon]}</span>}
                    title={
                      <span>
                        {entry.label} <ArrowRightOutlined style={{ fontSize: 12 }} />
                      </span>
                    }
                    description={describe(entry.path)}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
