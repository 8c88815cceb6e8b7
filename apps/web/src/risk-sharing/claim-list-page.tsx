import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { claimApi, type RiskClaim } from './claim-api.ts';
import {
  claimPayerRoles,
  claimRoleLabel,
  claimStateColor,
  claimStateLabel,
  claimStates,
} from './claim-labels.ts';

const filterNames = ['state', 'payerRole', 'q'] as const;

/**
 * 理赔工作台 (claims work queue, issue 8 items 6, 8): a guarantor, insurer or pool administrator sees the claims on
 * it, a bank the claims of its cases, bureaus and regulators all; filters by state, kind and number, server
 * paging, xlsx export of the filtered list; each row opens the claim for its next step.
 */
export function ClaimListPage() {
  const { t } = useTranslation();
  const params = useListSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.text(name)]));

  const list = useQuery({
    queryKey: ['risk-claims', filters, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      claimApi.find({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<RiskClaim> = [
    {
      title: t('riskClaims.claimNumber'),
      key: 'claimNumber',
      render: (_, c) => (
        <Link to={`/risk-claims/${encodeURIComponent(c.id)}`} style={{ fontFamily: 'monospace' }}>
          {c.claimNumber}
        </Link>
      ),
    },
    {
      title: t('riskClaims.case'),
      key: 'case',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{c.caseNumber}</Typography.Text>
          <Typography.Text type="secondary">{c.enterpriseName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('riskClaims.kind'), key: 'kind', render: (_, c) => claimRoleLabel(c.payerRole, t) },
    { title: t('riskClaims.payer'), dataIndex: 'payerName', key: 'payer' },
    { title: t('riskClaims.claimant'), dataIndex: 'claimantName', key: 'claimant' },
    {
      title: t('riskClaims.claimed'),
      key: 'claimed',
      align: 'right',
      render: (_, c) => formatMoney(c.claimedYuan),
    },
    {
      title: t('riskClaims.paid'),
      key: 'paid',
      align: 'right',
      render: (_, c) => formatMoney(c.paidYuan),
    },
    {
      title: t('riskClaims.state'),
      key: 'state',
      render: (_, c) => <Tag color={claimStateColor(c.state)}>{claimStateLabel(c.state, t)}</Tag>,
    },
    { title: t('riskClaims.filedDate'), dataIndex: 'filedDate', key: 'filedDate', width: 110 },
  ];

  return (
    <>
      <PageHeader
        title={t('riskClaims.title')}
        subtitle={t('riskClaims.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={claimApi.exportUrl(filters)}>
            {t('riskClaims.export')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            value={filters['state'] ?? null}
            placeholder={t('riskClaims.allStates')}
            style={{ width: 160 }}
            options={claimStates.map((s) => ({ value: s, label: claimStateLabel(s, t) }))}
            onChange={(v) => params.setFilters({ state: v })}
          />
          <Select<string>
            allowClear
            value={filters['payerRole'] ?? null}
            placeholder={t('riskClaims.allKinds')}
            style={{ width: 180 }}
            options={claimPayerRoles.map((r) => ({ value: r, label: claimRoleLabel(r, t) }))}
            onChange={(v) => params.setFilters({ payerRole: v })}
          />
          <Input.Search
            allowClear
            defaultValue={filters['q']}
            placeholder={t('riskClaims.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(v) => params.setFilters({ q: v.trim() })}
          />
          <Button onClick={() => params.setFilters({ state: undefined, payerRole: undefined, q: undefined })}>
            {t('common.clearFilters')}
          </Button>
        </Space>
        <PagedTable<RiskClaim>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('riskClaims.empty')}
          filtered={Object.values(filters).some((v) => v !== undefined)}
        />
      </Card>
    </>
  );
}
