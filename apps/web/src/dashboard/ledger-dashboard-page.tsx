import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { caseLabels } from '../cases/case-labels.ts';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ipLabels } from '../ip-assets/ip-asset-labels.ts';
import { referenceLabel, referenceOptions } from '../reference/reference-options.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { barSharePct } from './bar-share-pct.ts';
import { dashboardApi, type LedgerDashboard, type LedgerDashboardFilters } from './dashboard-api.ts';
import { RegistrationStatisticsCard } from './registration-statistics-card.tsx';

const maxBigint = (a: bigint, b: bigint) => (a > b ? a : b);

/** A row of one dimension: its label and its figures. */
interface DimensionRow {
  key: string;
  label: string;
  caseCount: number;
  amountYuan: string;
  extra?: string;
}

/** A bar for a figure against the largest of its column (plain antd Progress, no chart library needed). */
function Bar({ value, max }: { value: string | number; max: string | number }) {
  return (
    <Progress percent={barSharePct(value, max)} showInfo={false} size="small" style={{ minWidth: 120 }} />
  );
}

/** One dimension as a table: count and amount with bars scaled to the largest row. */
function DimensionTable({
  title,
  rows,
  extraTitle,
}: {
  title: string;
  rows: DimensionRow[];
  extraTitle?: string;
}) {
  const { t } = useTranslation();
  const maxCount = Math.max(0, ...rows.map((r) => r.caseCount));
  const maxAmount = formatYuan(rows.reduce((max, r) => maxBigint(max, parseYuan(r.amountYuan)), 0n));
  const columns: TableColumnsType<DimensionRow> = [
    { title, dataIndex: 'label', key: 'label' },
    {
      title: t('dashboard.caseCount'),
      key: 'caseCount',
      align: 'right',
      width: 90,
      render: (_, r) => r.caseCount,
    },
    { title: '', key: 'countBar', width: 140, render: (_, r) => <Bar value={r.caseCount} max={maxCount} /> },
    {
      title: t('dashboard.amount'),
      key: 'amount',
      align: 'right',
      render: (_, r) => formatMoney(r.amountYuan),
    },
    {
      title: '',
      key: 'amountBar',
      width: 140,
      render: (_, r) => <Bar value={r.amountYuan} max={maxAmount} />,
    },
    ...(extraTitle === undefined
      ? []
      : [
          {
            title: extraTitle,
            key: 'extra',
            align: 'right' as const,
            render: (_: unknown, r: DimensionRow) => r.extra,
          },
        ]),
  ];
  return (
    <Card title={title} size="small">
      <Table<DimensionRow>
        rowKey="key"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('dashboard.empty') }}
      />
    </Card>
  );
}

/**
 * 台账看板 (the ledger dashboard, issue 6 item 6 / R16) for bank staff, bureaus and regulators: KPI cards, counts
 * and amounts by state, district, bank and IP kind, registered pledges by year and the NPL ratio of IP-pledge
 * loans; the server scopes every figure to what the user may see. Filters: application dates, district, bank, kind.
 */
export function LedgerDashboardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const [filters, setFilters] = useState<LedgerDashboardFilters>({});
  const isBank = session?.role === 'bank_clerk' || session?.role === 'bank_approver';

  const dashboard = useQuery({
    queryKey: ['dashboard', 'ledger', filters],
    queryFn: ({ signal }) => dashboardApi.ledger(filters, signal),
    placeholderData: keepPreviousData,
  });
  // Bank choices: the banks with cases in the user's scope, from the unfiltered figures.
  const unfiltered = useQuery({
    queryKey: ['dashboard', 'ledger', {}],
    queryFn: ({ signal }) => dashboardApi.ledger({}, signal),
    enabled: !isBank,
  });
  const setFilter = (patch: LedgerDashboardFilters) => {
    const next: LedgerDashboardFilters = { ...filters, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    setFilters(next);
  };
  const bankName = (b: { bankNameZh: string; bankNameEn: string }) =>
    language === 'en' && b.bankNameEn !== '' ? b.bankNameEn : b.bankNameZh;
  const data: LedgerDashboard | undefined = dashboard.data;
  const npl = data?.nonPerformingLoans;
  const registrations = data?.registeredPledgesByYear ?? [];
  const registeredCount = registrations.reduce((n, r) => n + r.registrationCount, 0);

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={data === undefined ? t('dashboard.subtitle') : t('dashboard.asOf', { date: data.asOfDate })}
        extra={
          hasPermission(session, 'case.export') && (
            <Button icon={<DownloadOutlined />} href={dashboardApi.caseExportUrl({})}>
              {t('dashboard.exportLedger')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <DatePicker.RangePicker
            placeholder={[t('dashboard.applicationDateFrom'), t('dashboard.applicationDateTo')]}
            value={
              filters.applicationDateFrom === undefined || filters.applicationDateTo === undefined
                ? null
                : [dayjs(filters.applicationDateFrom), dayjs(filters.applicationDateTo)]
            }
            onChange={(range) =>
              setFilter({
                applicationDateFrom: range?.[0]?.format('YYYY-MM-DD'),
                applicationDateTo: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.district ?? null}
            placeholder={t('dashboard.allDistricts')}
            style={{ width: 180 }}
            options={referenceOptions('districts', language)}
            onChange={(v) => setFilter({ district: v })}
          />
          {!isBank && (
            <Select<string>
              allowClear
              value={filters.bankId ?? null}
              placeholder={t('dashboard.allBanks')}
              style={{ width: 220 }}
              options={(unfiltered.data?.byBank ?? []).map((b) => ({ value: b.bankId, label: bankName(b) }))}
              onChange={(v) => setFilter({ bankId: v })}
            />
          )}
          <Select<string>
            allowClear
            value={filters.ipKind ?? null}
            placeholder={t('dashboard.allIpKinds')}
            style={{ width: 200 }}
            options={ipLabels.kindOptions(language)}
            onChange={(v) => setFilter({ ipKind: v })}
          />
          <Button onClick={() => setFilters({})}>{t('common.clearFilters')}</Button>
        </Space>
      </Card>
      {dashboard.isError && <ProblemAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} lg={6}>
          <Card loading={dashboard.isPending}>
            <Statistic title={t('dashboard.totalCases')} value={data?.totals.caseCount ?? 0} />
            <Typography.Text type="secondary">{formatMoney(data?.totals.amountYuan)}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card loading={dashboard.isPending}>
            <Statistic title={t('dashboard.outstanding')} value={formatMoney(npl?.outstandingAmountYuan)} />
            <Typography.Text type="secondary">
              {t('dashboard.loanCount', { count: npl?.outstandingCaseCount ?? 0 })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card loading={dashboard.isPending}>
            <Statistic
              title={t('dashboard.nplRatio')}
              value={npl?.ratioPct ?? '—'}
              suffix={npl?.ratioPct === null || npl === undefined ? undefined : '%'}
            />
            <Typography.Text type="secondary">
              {t('dashboard.nplAmount', {
                amount: formatMoney(npl?.nonPerformingAmountYuan),
                count: npl?.nonPerformingCaseCount ?? 0,
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card loading={dashboard.isPending}>
            <Statistic title={t('dashboard.registeredPledges')} value={registeredCount} />
            <Typography.Text type="secondary">
              {formatMoney(
                formatYuan(registrations.reduce((sum, r) => sum + parseYuan(r.securedAmountYuan), 0n)),
              )}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('dashboard.nplDefinition')}</Typography.Paragraph>
      {data !== undefined && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <DimensionTable
              title={t('dashboard.byState')}
              rows={data.byState.map((r) => ({
                key: r.state,
                label: caseLabels.state(r.state, language),
                ...r,
              }))}
            />
          </Col>
          <Col xs={24} xl={12}>
            <DimensionTable
              title={t('dashboard.byDistrict')}
              rows={data.byDistrict.map((r) => ({
                key: r.district ?? '-',
                label:
                  r.district === null
                    ? t('dashboard.noDistrict')
                    : referenceLabel('districts', r.district, language),
                ...r,
              }))}
            />
          </Col>
          <Col xs={24} xl={12}>
            <DimensionTable
              title={t('dashboard.byBank')}
              rows={data.byBank.map((r) => ({ key: r.bankId, label: bankName(r), ...r }))}
            />
          </Col>
          <Col xs={24} xl={12}>
            <DimensionTable
              title={t('dashboard.byIpKind')}
              extraTitle={t('dashboard.casesPledgingKind')}
              rows={data.byIpKind.map((r) => ({
                key: r.ipKind ?? '-',
                label: r.ipKind === null ? t('dashboard.noAsset') : ipLabels.kind(r.ipKind, language),
                caseCount: r.caseCount,
                amountYuan: r.amountYuan,
                extra: String(r.casesPledgingKind),
              }))}
            />
          </Col>
          <Col xs={24}>
            <DimensionTable
              title={t('dashboard.registeredByYear')}
              extraTitle={t('dashboard.registrationCount')}
              rows={registrations.map((r) => ({
                key: String(r.year),
                label: String(r.year),
                caseCount: r.caseCount,
                amountYuan: r.securedAmountYuan,
                extra: String(r.registrationCount),
              }))}
            />
          </Col>
        </Row>
      )}
      {hasPermission(session, 'registration.statistics') && <RegistrationStatisticsCard />}
    </>
  );
}
