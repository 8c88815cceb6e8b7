import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { riskSharingApi, type InsurancePolicy } from './risk-sharing-api.ts';
import { formatBps, policyKindLabel, policyKinds, riskRecordStateLabel } from './risk-sharing-labels.ts';

/**
 * 保单 (issue 8 items 2, 8): an insurer's policies — the 保证保险 of loans and the article-八 kinds on record —, an
 * enterprise's own, a bank's on its cases; kind filter and server paging.
 */
export function InsurancePolicyListPage() {
  const { t } = useTranslation();
  const params = useListSearchParams();
  const kind = params.text('kind');
  const list = useQuery({
    queryKey: ['insurance-policies', kind, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      riskSharingApi.policies({ kind, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<InsurancePolicy> = [
    {
      title: t('riskSharing.policyNumber'),
      dataIndex: 'policyNumber',
      key: 'number',
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    { title: t('riskSharing.policyKindLabel'), key: 'kind', render: (_, p) => policyKindLabel(p.kind, t) },
    { title: t('riskSharing.insurer'), dataIndex: 'insurerName', key: 'insurer' },
    { title: t('riskSharing.policyholder'), dataIndex: 'policyholderName', key: 'holder' },
    { title: t('riskSharing.insured'), dataIndex: 'insuredName', key: 'insured' },
    {
      title: t('riskSharing.case'),
      key: 'case',
      render: (_, p) =>
        p.caseId === null ? (
          '—'
        ) : (
          <Link to={`/cases/${encodeURIComponent(p.caseId)}`} style={{ fontFamily: 'monospace' }}>
            {p.caseNumber}
          </Link>
        ),
    },
    {
      title: t('riskSharing.premium'),
      key: 'premium',
      align: 'right',
      render: (_, p) => formatMoney(p.premiumYuan),
    },
    {
      title: t('riskSharing.cover'),
      key: 'cover',
      align: 'right',
      render: (_, p) =>
        p.coverageShareBps !== null ? formatBps(p.coverageShareBps) : formatMoney(p.sumInsuredYuan),
    },
    {
      title: t('riskSharing.period'),
      key: 'period',
      render: (_, p) => `${p.startDate} ~ ${p.endDate}`,
    },
    { title: t('riskSharing.stateLabel'), key: 'state', render: (_, p) => riskRecordStateLabel(p.state, t) },
  ];

  return (
    <>
      <PageHeader title={t('riskSharing.policiesTitle')} subtitle={t('riskSharing.policiesSubtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            value={kind ?? null}
            placeholder={t('riskSharing.allKinds')}
            style={{ width: 220 }}
            options={policyKinds.map((k) => ({ value: k, label: policyKindLabel(k, t) }))}
            onChange={(v) => params.setFilters({ kind: v })}
          />
        </Space>
        <PagedTable<InsurancePolicy>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('riskSharing.noPolicies')}
          filtered={kind !== undefined}
        />
      </Card>
    </>
  );
}
