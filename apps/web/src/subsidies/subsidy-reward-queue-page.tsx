import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  QueueActionButtons,
  QueueActionModal,
  QueueStateFilter,
  type QueueAction,
} from './subsidy-queue-controls.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { beneficiaryLabel, rewardStateLabel } from './subsidy-reward-labels.ts';
import { subsidyRewardApi, type SubsidyRewardApplication } from './subsidy-reward-api.ts';
import { SubsidyRewardLoanView } from './subsidy-reward-loan-view.tsx';

const STATES = ['submitted', 'reviewed', 'approved', 'paid', 'rejected', 'clawed_back'];

type Action = QueueAction;

/**
 * 奖励申请受理 (the city bureau's queue of institutions' reward applications, issue 9 item 2): by state, each
 * application's loans with every condition's proof; review, approval by another user (maker-checker), payment
 * and clawback. Regulators read.
 */
export function SubsidyRewardQueuePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const params = useListSearchParams();
  const state = params.text('state');
  const [open, setOpen] = useState<SubsidyRewardApplication | null>(null);
  const [acting, setActing] = useState<{ application: SubsidyRewardApplication; action: Action } | null>(
    null,
  );
  const can = (permission: string) => hasPermission(session.data, permission);
  const list = useQuery({
    queryKey: ['subsidy-reward-applications', 'queue', state, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      subsidyRewardApi.applications({ state, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const actionsOf = (a: SubsidyRewardApplication): Action[] => {
    const actions: Action[] = [];
    if (can('subsidy_reward.review') && a.state === 'submitted') actions.push('pass', 'reject');
    // The checker is never the reviewer: QueueActionButtons shows the reviewer 需由其他用户审批 in its place.
    if (can('subsidy_reward.approve') && a.state === 'reviewed') actions.push('approve');
    if (can('subsidy_reward.pay') && a.state === 'approved') actions.push('pay');
    if (can('subsidy_reward.claw_back') && (a.state === 'approved' || a.state === 'paid'))
      actions.push('clawBack');
    return actions;
  };
  const columns: TableColumnsType<SubsidyRewardApplication> = [
    {
      title: t('subsidies.applicationNumber'),
      key: 'number',
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => setOpen(a)}>
          {a.applicationNumber}
        </Button>
      ),
    },
    { title: t('subsidyRewards.institution'), dataIndex: 'institutionName', key: 'institution' },
    {
      title: t('subsidyRewards.beneficiaryTitle'),
      key: 'beneficiary',
      render: (_, a) => beneficiaryLabel(a.beneficiary, t),
    },
    { title: t('subsidies.scheme'), key: 'scheme', render: (_, a) => a.schemeNameZh },
    { title: t('subsidyRewards.year'), dataIndex: 'rewardYear', key: 'year', width: 80 },
    { title: t('subsidyRewards.loanCount'), key: 'loans', render: (_, a) => a.loans.length },
    { title: t('subsidies.requested'), key: 'requested', render: (_, a) => formatMoney(a.requestedYuan) },
    { title: t('subsidies.granted'), key: 'granted', render: (_, a) => formatMoney(a.grantedYuan) },
    {
      title: t('subsidies.state'),
      key: 'state',
      render: (_, a) => <Tag>{rewardStateLabel(a.state, t)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <QueueActionButtons
          actions={actionsOf(a)}
          reviewerUserIds={[a.reviewedByUserId]}
          onAction={(action) => setActing({ application: a, action })}
        />
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('subsidyRewards.queueTitle')} subtitle={t('subsidyRewards.queueSubtitle')} />
      <Card>
        <QueueStateFilter
          states={STATES}
          value={state}
          labelOf={(s) => rewardStateLabel(s, t)}
          onChange={(v) => params.setFilters({ state: v })}
        />
        <PagedTable<SubsidyRewardApplication>
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
        {open?.loans.map((loan) => (
          <Card key={loan.caseId} size="small" style={{ marginBottom: 12 }}>
            <SubsidyRewardLoanView loan={loan} />
          </Card>
        ))}
      </Drawer>
      {acting !== null && (
        <QueueActionModal
          api={subsidyRewardApi}
          application={acting.application}
          applicantName={acting.application.institutionName}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            void queryClient.invalidateQueries({ queryKey: ['subsidy-reward-applications'] });
            void queryClient.invalidateQueries({ queryKey: ['subsidy-schemes'] });
          }}
        />
      )}
    </>
  );
}
