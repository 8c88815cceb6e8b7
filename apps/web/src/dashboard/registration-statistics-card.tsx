import type { RegistrationStatistics } from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../api/api-request.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';

type Statistics = Static<typeof RegistrationStatistics>;
type InstitutionRow = Statistics['byInstitution'][number];

/**
 * 质押登记效率 per institution (issue 5 item 6): filings, registrations, the share filed online and the working
 * days from filing to decision; the server scopes it (a bank its own, bureaus and regulators every bank).
 */
export function RegistrationStatisticsCard() {
  const { t } = useTranslation();
  const statistics = useQuery({
    queryKey: ['registration-statistics'],
    queryFn: ({ signal }) => apiRequest<Statistics>('/registration-statistics', { signal }),
  });
  const orDash = (value: string | null) => value ?? '—';
  const columns: TableColumnsType<InstitutionRow> = [
    {
      title: t('registrationStatistics.institution'),
      dataIndex: 'institutionName',
      render: (name: string, row) => (
        <>
          {name} {row.pilot && <Tag color="blue">{t('registrationStatistics.pilot')}</Tag>}
        </>
      ),
    },
    { title: t('registrationStatistics.filed'), dataIndex: 'filedCount', align: 'right' },
    { title: t('registrationStatistics.registered'), dataIndex: 'registeredCount', align: 'right' },
    {
      title: t('registrationStatistics.onlineShare'),
      dataIndex: 'onlineSharePct',
      align: 'right',
      render: (v: string | null) => (v === null ? '—' : `${v}%`),
    },
    {
      title: t('registrationStatistics.medianWorkingDays'),
      dataIndex: 'medianWorkingDays',
      align: 'right',
      render: orDash,
    },
    {
      title: t('registrationStatistics.meanWorkingDays'),
      dataIndex: 'meanWorkingDays',
      align: 'right',
      render: orDash,
    },
  ];
  return (
    <Card title={t('registrationStatistics.title')} style={{ marginTop: 16 }}>
      {statistics.isError && (
        <ProblemAlert error={statistics.error} onRetry={() => void statistics.refetch()} />
      )}
      <Table<InstitutionRow>
        rowKey="institutionId"
        size="small"
        loading={statistics.isPending}
        columns={columns}
        dataSource={statistics.data?.byInstitution ?? []}
        pagination={false}
        locale={{ emptyText: t('registrationStatistics.empty') }}
      />
    </Card>
  );
}
