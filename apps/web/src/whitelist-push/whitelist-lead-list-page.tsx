import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { useSession } from '../session/use-session.ts';
import { whitelistPushApi, type Lead } from './whitelist-push-api.ts';
import { whitelistPushStatusesLabel } from './whitelist-push-labels.ts';

const STATUSES = ['pushed', 'contacted', 'applied', 'approved', 'declined', 'disbursed'] as const;
const STATUS_COLOURS: Record<string, string> = {
  pushed: 'blue',
  contacted: 'cyan',
  applied: 'purple',
  approved: 'green',
  declined: 'red',
  disbursed: 'gold',
};

/**
 * 推送名单 (issue 10 item 5): a bank's pushed enterprises with names, USCC and contacts, the lead's state, the
 * follow-up flag and the contact mark; the bureau sees every bank's; an enterprise the banks it was pushed to.
 */
export function WhitelistLeadListPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const language = en ? 'en' : 'zh-CN';
  const session = useSession();
  const isEnterprise = session.data?.role === 'enterprise_user';
  const isBank = session.data?.role === 'bank_clerk' || session.data?.role === 'bank_approver';
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const [contacting, setContacting] = useState<Lead | null>(null);
  const leads = useQuery({
    queryKey: ['whitelist-leads', page, status, overdue, search],
    queryFn: ({ signal }) =>
      whitelistPushApi.leads(
        {
          page,
          pageSize: 20,
          ...(status === undefined ? {} : { status }),
          ...(overdue ? { followUpOverdue: true } : {}),
          ...(search === '' ? {} : { search }),
        },
        signal,
      ),
  });
  return (
    <>
      <PageHeader
        title={isEnterprise ? t('whitelistPush.myPushesTitle') : t('whitelistPush.leadsTitle')}
        subtitle={isEnterprise ? t('whitelistPush.myPushesSubtitle') : t('whitelistPush.leadsSubtitle')}
      />
      {!isEnterprise && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('whitelistPush.searchPlaceholder')}
            onSearch={(v) => {
              setSearch(v.trim());
              setPage(1);
            }}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            placeholder={t('whitelistPush.status')}
            style={{ width: 140 }}
            value={status}
            onChange={(v?: string) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: whitelistPushStatusesLabel(s, t) }))}
          />
          <Space>
            <Switch
              checked={overdue}
              onChange={(v) => {
                setOverdue(v);
                setPage(1);
              }}
            />
            {t('whitelistPush.overdueOnly')}
          </Space>
        </Space>
      )}
      {leads.error && <ProblemAlert error={leads.error} onRetry={() => void leads.refetch()} />}
      <Table<Lead>
        rowKey="id"
        size="small"
        loading={leads.isLoading}
        dataSource={leads.data?.items ?? []}
        locale={{ emptyText: isEnterprise ? t('whitelistPush.noPushesForMe') : t('whitelistPush.noLeads') }}
        pagination={{ current: page, pageSize: 20, total: leads.data?.total ?? 0, onChange: setPage }}
        columns={
          isEnterprise
            ? [
                {
                  title: t('whitelistPush.bank'),
                  key: 'bank',
                  render: (_, l) => (en ? l.bankUnitNameEn : l.bankUnitNameZh),
                },
                { title: t('whitelistPush.round'), dataIndex: 'roundNumber', key: 'round' },
                {
                  title: t('whitelistPush.pushedAt'),
                  key: 'at',
                  render: (_, l) => formatDateTime(l.pushedAt, language),
                },
                {
                  title: t('whitelistPush.status'),
                  key: 'status',
                  render: (_, l) => (
                    <Tag color={STATUS_COLOURS[l.status] ?? 'default'}>
                      {whitelistPushStatusesLabel(l.status, t)}
                    </Tag>
                  ),
                },
              ]
            : [
                {
                  title: t('whitelistPush.enterprise'),
                  key: 'enterprise',
                  render: (_, l) => (
                    <Space direction="vertical" size={0}>
                      <span>{l.enterpriseName}</span>
                      <span style={{ color: '#888' }}>{l.uscc}</span>
                    </Space>
                  ),
                },
                {
                  title: t('whitelistPush.contact'),
                  key: 'contact',
                  render: (_, l) => `${l.contactName ?? '—'} ${l.contactPhone ?? ''}`,
                },
                {
                  title: t('whitelistPush.bankUnit'),
                  key: 'unit',
                  render: (_, l) => (en ? l.bankUnitNameEn : l.bankUnitNameZh),
                },
                { title: t('whitelistPush.grade'), dataIndex: 'grade', key: 'grade' },
                {
                  title: t('whitelistPush.creditBand'),
                  key: 'band',
                  render: (_, l) =>
                    l.creditBandLowYuan === null
                      ? '—'
                      : `${formatMoney(l.creditBandLowYuan)} – ${formatMoney(l.creditBandHighYuan)}`,
                },
                {
                  title: t('whitelistPush.case'),
                  key: 'case',
                  render: (_, l) => <Link to={`/cases/${l.caseId}`}>{l.caseNumber}</Link>,
                },
                {
                  title: t('whitelistPush.status'),
                  key: 'status',
                  render: (_, l) => (
                    <Space wrap>
                      <Tag color={STATUS_COLOURS[l.status] ?? 'default'}>
                        {whitelistPushStatusesLabel(l.status, t)}
                      </Tag>
                      {l.followUpOverdue && <Tag color="red">{t('whitelistPush.followUpOverdue')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('whitelistPush.followUpDueOn'),
                  dataIndex: 'followUpDueOn',
                  key: 'due',
                },
                {
                  title: t('whitelistPush.actions'),
                  key: 'actions',
                  render: (_, l) =>
                    l.contactedAt !== null ? (
                      t('whitelistPush.contactedOn', { date: formatDateTime(l.contactedAt, language) })
                    ) : isBank ? (
                      <Button size="small" onClick={() => setContacting(l)}>
                        {t('whitelistPush.markContacted')}
                      </Button>
                    ) : (
                      '—'
                    ),
                },
              ]
        }
      />
      {contacting && <ContactModal lead={contacting} onClose={() => setContacting(null)} />}
    </>
  );
}

function ContactModal(props: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () => whitelistPushApi.contact(props.lead.id, note.trim()),
    onSuccess: () => {
      void message.success(t('whitelistPush.contactRecorded'));
      void queryClient.invalidateQueries({ queryKey: ['whitelist-leads'] });
      props.onClose();
    },
  });
  return (
    <Modal
      open
      title={`${t('whitelistPush.markContacted')}：${props.lead.enterpriseName}`}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
    >
      {mutation.error && <ProblemAlert error={mutation.error} />}
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={note}
        placeholder={t('whitelistPush.contactNotePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}
