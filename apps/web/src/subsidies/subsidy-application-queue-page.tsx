import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  QueueActionButtons,
  QueueActionModal,
  QueueStateFilter,
  type QueueAction,
} from './subsidy-queue-controls.tsx';
import { applicationStateLabel } from './subsidy-labels.ts';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { asEvaluation, subsidyApi, type SubsidyApplication } from './subsidy-api.ts';
import { FeePaymentTable } from './fee-payment-table.tsx';
import { SubsidyEvaluationView } from './subsidy-evaluation-view.tsx';

const STATES = [
  'submitted',
  'district_reviewed',
  'city_reviewed',
  'approved',
  'paid',
  'rejected',
  'clawed_back',
];

type Action = QueueAction;

/**
 * 补贴申请受理 (the bureaus' queue, issue 9 item 4): applications of the district (or all for the city bureau) by
 * state, the evaluation with every condition's proof, and review, approval (by another user), payment and
 * clawback.
 */
export function SubsidyApplicationQueuePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const params = useListSearchParams();
  const state = params.text('state');
  const [open, setOpen] = useState<SubsidyApplication | null>(null);
  const [acting, setActing] = useState<{ application: SubsidyApplication; action: Action } | null>(null);
  const can = (permission: string) => hasPermission(session.data, permission);
  const list = useQuery({
    queryKey: ['subsidy-applications', 'queue', state, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      subsidyApi.applications({ state, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const actionsOf = (a: SubsidyApplication): Action[] => {
    const actions: Action[] = [];
    // The district reviews what was submitted; the city reviews after the district (when the scheme says so).
    const role = session.data?.role;
    if (
      can('subsidy_application.review') &&
      ((a.state === 'submitted' && role === 'district_bureau') ||
        (a.state === 'district_reviewed' && a.requiresCityReview && role === 'city_bureau'))
    )
      actions.push('pass', 'reject');
    const ready = a.requiresCityReview ? 'city_reviewed' : 'district_reviewed';
    if (can('subsidy_application.approve') && a.state === ready) actions.push('approve');
    if (can('subsidy_application.pay') && a.state === 'approved') actions.push('pay');
    if (can('subsidy_application.claw_back') && (a.state === 'approved' || a.state === 'paid'))
      actions.push('clawBack');
    return actions;
  };
  const columns: TableColumnsType<SubsidyApplication> = [
    {
      title: t('subsidies.applicationNumber'),
      key: 'number',
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => setOpen(a)}>
          {a.applicationNumber}
        </Button>
      ),
    },
    { title: t('subsidies.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise' },
    { title: t('subsidies.scheme'), key: 'scheme', render: (_, a) => a.schemeNameZh },
    { title: t('subsidies.caseNumber'), dataIndex: 'caseNumber', key: 'case' },
    { title: t('subsidies.year'), dataIndex: 'subsidyYear', key: 'year', width: 80 },
    { title: t('subsidies.requested'), key: 'requested', render: (_, a) => formatMoney(a.requestedYuan) },
    { title: t('subsidies.granted'), key: 'granted', render: (_, a) => formatMoney(a.grantedYuan) },
    {
      title: t('subsidies.state'),
      key: 'state',
      render: (_, a) => <Tag>{applicationStateLabel(a.state, t)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <QueueActionButtons
          actions={actionsOf(a)}
          reviewerUserIds={[a.reviewedByUserId, a.cityReviewedByUserId]}
          onAction={(action) => setActing({ application: a, action })}
        />
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('subsidies.queueTitle')} subtitle={t('subsidies.queueSubtitle')} />
      <Card>
        <QueueStateFilter
          states={STATES}
          value={state}
          labelOf={(s) => applicationStateLabel(s, t)}
          onChange={(v) => params.setFilters({ state: v })}
        />
        <PagedTable<SubsidyApplication>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('subsidies.noApplications')}
          filtered={state !== undefined}
        />
      </Card>
      <Drawer open={open !== null} size="large" title={open?.applicationNumber} onClose={() => setOpen(null)}>
        {open !== null && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <SubsidyEvaluationView evaluation={asEvaluation(open.evaluation)} />
            {/* The fees of the case with their invoices: an enterprise's own record is checked against its invoice. */}
            <Card size="small" title={t('feePayments.listTitle')}>
              <FeePaymentTable caseId={open.caseId} />
            </Card>
          </Space>
        )}
      </Drawer>
      {acting !== null && (
        <QueueActionModal
          api={subsidyApi}
          application={acting.application}
          applicantName={acting.application.enterpriseName}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            void queryClient.invalidateQueries({ queryKey: ['subsidy-applications'] });
            void queryClient.invalidateQueries({ queryKey: ['subsidy-schemes'] });
          }}
        />
      )}
    </>
  );
}
