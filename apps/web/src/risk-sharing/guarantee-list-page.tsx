import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { GuaranteeProductsCard } from './guarantee-products-card.tsx';
import { riskSharingApi, type Guarantee } from './risk-sharing-api.ts';
import { formatBps, riskRecordStateLabel } from './risk-sharing-labels.ts';

const guaranteeStates = ['active', 'compensated', 'released', 'cancelled'] as const;

/**
 * 担保业务 (issue 8 items 1, 8): a guarantor's guarantees (and the re-guarantee fund's), a bank's on its cases,
 * bureaus and regulators all — contract, case, coverage, fee, re-guarantee and state, with server paging.
 */
export function GuaranteeListPage() {
  const { t } = useTranslation();
  const params = useListSearchParams();
  const session = useSession().data ?? null;
  const state = params.text('state');
  const list = useQuery({
    queryKey: ['guarantees', state, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      riskSharingApi.guarantees({ state, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Guarantee> = [
    {
      title: t('riskSharing.contractNumber'),
      dataIndex: 'contractNumber',
      key: 'contract',
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    {
      title: t('riskSharing.case'),
      key: 'case',
      render: (_, g) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/cases/${encodeURIComponent(g.caseId)}`} style={{ fontFamily: 'monospace' }}>
            {g.caseNumber}
          </Link>
          <Typography.Text type="secondary">{g.enterpriseName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('riskSharing.bank'), dataIndex: 'bankName', key: 'bank' },
    { title: t('riskSharing.guarantor'), dataIndex: 'guarantorName', key: 'guarantor' },
    {
      title: t('riskSharing.principal'),
      key: 'principal',
      align: 'right',
      render: (_, g) => formatMoney(g.guaranteedPrincipalYuan),
    },
    {
      title: t('riskSharing.coverageShare'),
      key: 'share',
      align: 'right',
      render: (_, g) => formatBps(g.coveredShareBps),
    },
    { title: t('riskSharing.fee'), key: 'fee', align: 'right', render: (_, g) => formatMoney(g.feeYuan) },
    {
      title: t('riskSharing.reGuarantee'),
      key: 'reGuarantee',
      render: (_, g) =>
        g.reGuaranteeShareBps === null
          ? t('riskSharing.none')
          : `${g.reGuarantorName ?? ''} ${formatBps(g.reGuaranteeShareBps)}`,
    },
    { title: t('riskSharing.stateLabel'), key: 'state', render: (_, g) => riskRecordStateLabel(g.state, t) },
  ];

  return (
    <>
      <PageHeader title={t('riskSharing.guaranteesTitle')} subtitle={t('riskSharing.guaranteesSubtitle')} />
      {hasPermission(session, 'guarantee_product.manage') && <GuaranteeProductsCard />}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            value={state ?? null}
            placeholder={t('riskSharing.allStates')}
            style={{ width: 160 }}
            options={guaranteeStates.map((s) => ({ value: s, label: riskRecordStateLabel(s, t) }))}
            onChange={(v) => params.setFilters({ state: v })}
          />
        </Space>
        <PagedTable<Guarantee>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('riskSharing.noGuarantees')}
          filtered={state !== undefined}
        />
      </Card>
    </>
  );
}
