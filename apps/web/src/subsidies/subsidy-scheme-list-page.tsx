import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemeStateLabel } from './subsidy-labels.ts';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { subsidyApi, type SubsidySchemeVersion } from './subsidy-api.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { SubsidySimulationButton } from './subsidy-simulation-drawer.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel } from '../reference/reference-options.ts';

/** 补贴政策 (issue 9 items 1, 5): each version with issuing body, period, source and the live budget use. */
export function SubsidySchemeListPage() {
  const { t, i18n } = useTranslation();
  const canSimulate = hasPermission(useSession().data, 'subsidy_scheme.simulate');
  const list = useQuery({
    queryKey: ['subsidy-schemes'],
    queryFn: ({ signal }) => subsidyApi.schemes({}, signal),
  });
  const columns: TableColumnsType<SubsidySchemeVersion> = [
    {
      title: t('subsidies.scheme'),
      key: 'name',
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <span>
            {i18n.language === 'en' ? s.nameEn : s.nameZh} <Tag>v{s.version}</Tag>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.sourceDocument}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('subsidies.issuingBody'), dataIndex: 'issuingBody', key: 'body' },
    {
      title: t('subsidies.period'),
      key: 'period',
      render: (_, s) => `${s.effectiveFrom} ~ ${s.effectiveTo ?? t('subsidies.openEnded')}`,
    },
    {
      title: t('subsidies.state'),
      key: 'state',
      render: (_, s) => <Tag>{schemeStateLabel(s.state, t)}</Tag>,
    },
    {
      title: t('subsidies.budget'),
      key: 'budget',
      render: (_, s) =>
        s.budgets.length === 0
          ? t('subsidies.noBudget')
          : s.budgets.map((b) => (
              <div key={b.district}>
                {b.district === 'all'
                  ? t('subsidies.allDistricts')
                  : referenceLabel('districts', b.district, currentLanguage())}
                ：
                {t('subsidies.budgetUse', {
                  used: formatMoney(b.usedYuan),
                  total: formatMoney(b.totalYuan),
                  remaining: formatMoney(b.remainingYuan),
                })}
              </div>
            )),
    },
    ...(canSimulate
      ? [
          {
            title: '',
            key: 'simulate',
            render: (_: unknown, s: SubsidySchemeVersion) => (
              <SubsidySimulationButton
                schemeVersionId={s.id}
                name={`${i18n.language === 'en' ? s.nameEn : s.nameZh} v${s.version}`}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('subsidies.schemesTitle')} subtitle={t('subsidies.schemesSubtitle')} />
      <Card>
        {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<SubsidySchemeVersion>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data ?? []}
          columns={columns}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <Empty description={t('subsidies.noSchemes')} /> }}
        />
      </Card>
    </>
  );
}
