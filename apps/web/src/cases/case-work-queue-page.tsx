import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, Segmented, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { caseApi, type WorkQueueItem } from './case-api.ts';
import { caseLabels } from './case-labels.ts';
import { isOverSla, slaDaysOf } from './case-sla.ts';
import { CaseStateTag } from './case-state-tag.tsx';
import { SlaAgeTag } from './sla-age-tag.tsx';

/**
 * 待办 (work queue) of a bank clerk or approver: the cases waiting on the role, by step, oldest wait first, with
 * the days in the step (red when over the SLA) and the next actions; each row opens the case.
 */
export function CaseWorkQueuePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const params = useListSearchParams();
  const state = params.text('state');

  const queue = useQuery({
    queryKey: ['cases', 'work-queue', state, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      caseApi.workQueue({ state, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const steps = queue.data?.steps ?? [];

  const columns: TableColumnsType<WorkQueueItem> = [
    {
      title: t('cases.caseNumber'),
      key: 'caseNumber',
      render: (_, c) => (
        <Link to={`/cases/${encodeURIComponent(c.id)}`} style={{ fontFamily: 'monospace' }}>
          {c.caseNumber}
        </Link>
      ),
    },
    { title: t('cases.enterprise'), dataIndex: 'enterpriseName', key: 'enterpriseName' },
    { title: t('cases.bankUnit'), dataIndex: 'bankUnitName', key: 'bankUnitName' },
    { title: t('cases.amount'), key: 'amount', align: 'right', render: (_, c) => formatMoney(c.amountYuan) },
    { title: t('cases.step'), key: 'state', render: (_, c) => <CaseStateTag state={c.state} /> },
    {
      title: t('cases.slaAge'),
      key: 'age',
      render: (_, c) => <SlaAgeTag state={c.state} daysInState={c.daysInState} />,
    },
    {
      title: t('cases.nextActions'),
      key: 'next',
      render: (_, c) => (
        <Link to={`/cases/${encodeURIComponent(c.id)}`}>
          {c.nextActions.map((a) => caseLabels.action(a, language)).join(' / ')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('cases.workQueue')} subtitle={t('cases.workQueueSubtitle')} />
      <Card>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Segmented<string>
            value={state ?? ''}
            onChange={(v) => params.setFilters({ state: v })}
            options={[
              { value: '', label: t('cases.allSteps') },
              ...steps.map((s) => ({
                value: s.state,
                label: (
                  <Space size={6}>
                    <span>{caseLabels.state(s.state, language)}</span>
                    <Badge count={s.count} showZero color={s.count > 0 ? '#1457d9' : '#bbb'} />
                    {s.count > 0 && (
                      <Typography.Text
                        type={isOverSla(s.state, s.oldestDaysInState) ? 'danger' : 'secondary'}
                        style={{ fontSize: 12 }}
                      >
                        {t('cases.oldestWait', {
                          count: s.oldestDaysInState,
                          sla: slaDaysOf(s.state) ?? '—',
                        })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              })),
            ]}
          />
          <PagedTable<WorkQueueItem>
            list={queue}
            columns={columns}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={params.setPage}
            emptyText={t('cases.queueEmpty')}
            filtered={state !== undefined}
          />
        </Space>
      </Card>
    </>
  );
}
