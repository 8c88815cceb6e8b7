import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiProblem } from '../api/api-problem.ts';
import { enterpriseApi } from '../api/enterprise-api.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel } from '../reference/reference-options.ts';
import { EnterpriseFlagTags } from './enterprise-flag-tags.tsx';

/** 企业详情: profile, flags and the (masked) contact of one enterprise the user may see. */
export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const back = (location.state as { back?: unknown } | null)?.back;
  const backTo = typeof back === 'string' && back.startsWith('/enterprises') ? back : '/enterprises';

  const detail = useQuery({
    queryKey: ['enterprises', 'detail', id],
    queryFn: () => enterpriseApi.get(id),
    enabled: id !== '',
  });

  const backLink = (
    <Link to={backTo}>
      <Button icon={<ArrowLeftOutlined />}>{t('enterprises.backToList')}</Button>
    </Link>
  );

  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (detail.isError) {
    const error = detail.error;
    if (isApiProblem(error, 404) || isApiProblem(error, 403)) {
      // The server answers "not found" for enterprises outside the user's scope, so their existence stays hidden.
      return (
        <Result
          status="404"
          title={t('enterprises.notFoundTitle')}
          subTitle={error.detail}
          extra={backLink}
        />
      );
    }
    return (
      <>
        <div style={{ marginBottom: 16 }}>{backLink}</div>
        <ProblemAlert error={error} onRetry={() => void detail.refetch()} />
      </>
    );
  }

  const e = detail.data;
  return (
    <>
      <div style={{ marginBottom: 16 }}>{backLink}</div>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {e.name}
        </Typography.Title>
        <Link to={`/enterprises/${encodeURIComponent(id)}/ip-health`}>{t('ipHealth.open')}</Link>
        {(e.highTech || e.specialised || e.firstLoan || e.preIpo) && (
          <div style={{ marginTop: 8 }}>
            <EnterpriseFlagTags flags={e} />
          </div>
        )}
        <div style={{ height: 24 }} />
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          title={t('enterprises.profile')}
          styles={{ label: { width: 160 } }}
          items={[
            {
              key: 'uscc',
              label: t('enterprises.uscc'),
              children: <Typography.Text copyable>{e.uscc}</Typography.Text>,
            },
            { key: 'foundedOn', label: t('enterprises.foundedOn'), children: e.foundedOn ?? '—' },
            {
              key: 'district',
              label: t('enterprises.district'),
              children: referenceLabel('districts', e.district, language),
            },
            { key: 'park', label: t('enterprises.park'), children: e.park ?? '—' },
            {
              key: 'cluster',
              label: t('enterprises.cluster'),
              children: referenceLabel('industryClusters', e.cluster, language),
            },
            {
              key: 'sizeClass',
              label: t('enterprises.sizeClass'),
              children: referenceLabel('sizeClasses', e.sizeClass, language),
            },
            {
              key: 'employees',
              label: t('enterprises.employees'),
              children: e.employees === null ? '—' : new Intl.NumberFormat(language).format(e.employees),
            },
            {
              key: 'registeredCapital',
              label: t('enterprises.registeredCapital'),
              children: formatMoney(e.registeredCapitalYuan),
            },
            { key: 'address', label: t('enterprises.address'), span: 2, children: e.address ?? '—' },
          ]}
        />
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          title={t('enterprises.contact')}
          style={{ marginTop: 24 }}
          styles={{ label: { width: 160 } }}
          items={[
            { key: 'contactName', label: t('enterprises.contactName'), children: e.contactName ?? '—' },
            {
              key: 'contactPhone',
              label: t('enterprises.contactPhone'),
              children: (
                <span>
                  {e.contactPhone ?? '—'}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('enterprises.maskedHint')}
                  </Typography.Text>
                </span>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
