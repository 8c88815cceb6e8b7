import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, InputNumber, Space, Statistic, Table, Tabs } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { subsidyReportApi, type SubsidyReport } from './subsidy-report-api.ts';

type ReportRow = SubsidyReport['total'];

/**
 * 补贴统计 (issue 9 item 6): granted, paid and clawed-back subsidies by scheme, district, enterprise and bank,
 * for one subsidy year or all, with the xlsx export. A district bureau sees its own district.
 */
export function SubsidyReportPage() {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState<number | undefined>(undefined);
  const report = useQuery({
    queryKey: ['subsidy-report', year],
    queryFn: ({ signal }) => subsidyReportApi.report(year === undefined ? {} : { year }, signal),
  });
  const en = i18n.language === 'en';
  const columns = (groupTitle: string): TableColumnsType<ReportRow> => [
    { title: groupTitle, key: 'name', render: (_, r) => (en ? r.nameEn : r.nameZh) || r.key },
    {
      title: t('subsidyReports.grantedCount'),
      dataIndex: 'grantedCount',
      key: 'grantedCount',
      align: 'right',
    },
    {
      title: t('subsidyReports.grantedAmount'),
      key: 'granted',
      align: 'right',
      render: (_, r) => formatMoney(r.grantedYuan),
    },
    { title: t('subsidyReports.paidCount'), dataIndex: 'paidCount', key: 'paidCount', align: 'right' },
    {
      title: t('subsidyReports.paidAmount'),
      key: 'paid',
      align: 'right',
      render: (_, r) => formatMoney(r.paidYuan),
    },
    {
      title: t('subsidyReports.clawedBack'),
      key: 'clawedBack',
      align: 'right',
      render: (_, r) => `${r.clawedBackCount} / ${formatMoney(r.clawedBackYuan)}`,
    },
  ];
  const table = (rows: ReportRow[], groupTitle: string) => (
    <Table<ReportRow>
      rowKey="key"
      size="small"
      dataSource={rows}
      columns={columns(groupTitle)}
      pagination={{ pageSize: 20 }}
      locale={{ emptyText: <Empty description={t('subsidyReports.noData')} /> }}
    />
  );
  const data = report.data;
  return (
    <>
      <PageHeader title={t('subsidyReports.title')} subtitle={t('subsidyReports.subtitle')} />
      <Card>
        <Space wrap>
          <span>{t('subsidyReports.year')}</span>
          <InputNumber<number>
            min={2000}
            max={2100}
            placeholder={t('subsidyReports.allYears')}
            value={year ?? null}
            onChange={(v) => setYear(v ?? undefined)}
          />
          <Button icon={<DownloadOutlined />} href={subsidyReportApi.exportUrl(year, i18n.language)}>
            {t('subsidyReports.export')}
          </Button>
        </Space>
      </Card>
      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      <Card loading={report.isPending} style={{ marginTop: 16 }}>
        {data && (
          <>
            <Space size="large" wrap>
              <Statistic title={t('subsidyReports.grantedCount')} value={data.total.grantedCount} />
              <Statistic
                title={t('subsidyReports.grantedAmount')}
                value={formatMoney(data.total.grantedYuan)}
              />
              <Statistic title={t('subsidyReports.paidCount')} value={data.total.paidCount} />
              <Statistic title={t('subsidyReports.paidAmount')} value={formatMoney(data.total.paidYuan)} />
            </Space>
            <Tabs
              style={{ marginTop: 16 }}
              items={[
                {
                  key: 'scheme',
                  label: t('subsidyReports.byScheme'),
                  children: table(data.byScheme, t('subsidyReports.scheme')),
                },
                {
                  key: 'district',
                  label: t('subsidyReports.byDistrict'),
                  children: table(data.byDistrict, t('subsidyReports.district')),
                },
                {
                  key: 'enterprise',
                  label: t('subsidyReports.byEnterprise'),
                  children: table(data.byEnterprise, t('subsidyReports.enterprise')),
                },
                {
                  key: 'institution',
                  label: t('subsidyReports.byInstitution'),
                  children: table(data.byInstitution, t('subsidyReports.institution')),
                },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
