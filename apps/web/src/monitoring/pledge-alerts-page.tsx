import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pledgeAlertKinds, pledgeAlertSeverities, pledgeAlertStates } from '@ipf/domain/monitoring';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { currentLanguage, type Language } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { pledgeAlertsApi, type PledgeAlert } from './pledge-alerts-api.ts';

const filterNames = ['state', 'kind', 'severity', 'dueBefore'] as const;
const severityColor: Record<string, string> = {
  low: 'default',
  medium: 'gold',
  high: 'orange',
  critical: 'red',
};
const stateColor: Record<string, string> = { open: 'red', acknowledged: 'blue', resolved: 'green' };

type Entry = { readonly code: string; readonly zh: string; readonly en: string };
const labelOf = (list: readonly Entry[], code: string, language: Language) => {
  const entry = list.find((e) => e.code === code);
  return entry === undefined ? code : language === 'en' ? entry.en : entry.zh;
};
const optionsOf = (list: readonly Entry[], language: Language) =>
  list.map((e) => ({ value: e.code, label: language === 'en' ? e.en : e.zh }));

type Translate = (key: string) => string;

/** 预警处理状态 label (literal keys, so the i18n check sees them). */
function stateLabel(state: string, t: Translate): string {
  if (state === 'open') return t('alerts.states.open');
  if (state === 'acknowledged') return t('alerts.states.acknowledged');
  if (state === 'resolved') return t('alerts.states.resolved');
  return state;
}

/** The note dialog of acknowledging or resolving one alert. */
function HandleAlertModal(props: {
  alert: PledgeAlert;
  action: 'acknowledge' | 'resolve';
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      props.action === 'acknowledge'
        ? pledgeAlertsApi.acknowledge(props.alert, note.trim())
        : pledgeAlertsApi.resolve(props.alert, note.trim()),
    onSuccess: () => {
      void message.success(props.action === 'acknowledge' ? t('alerts.acknowledged') : t('alerts.resolved'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={props.action === 'acknowledge' ? t('alerts.acknowledge') : t('alerts.resolve')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Typography.Paragraph type="secondary">
        {props.alert.caseNumber} · {props.alert.assetNumber} {props.alert.assetTitle}
      </Typography.Paragraph>
      <Input.TextArea
        id="alert-note"
        rows={3}
        maxLength={1000}
        value={note}
        placeholder={t('alerts.notePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}

/**
 * 押品预警 (post-loan alerts on pledged IP, issue 6 item 5): the alerts of the cases the user may see, with
 * filters by state, kind, severity and due date and server paging; the pledgee's staff acknowledge and resolve,
 * bureaus and regulators read only.
 */
export function PledgeAlertsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const params = useListSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.text(name)]));
  const canHandle = hasPermission(session, 'pledge_alert.handle');
  const [handling, setHandling] = useState<{ alert: PledgeAlert; action: 'acknowledge' | 'resolve' } | null>(
    null,
  );

  const list = useQuery({
    queryKey: ['pledge-alerts', filters, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      pledgeAlertsApi.find({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<PledgeAlert> = [
    {
      title: t('alerts.severity'),
      key: 'severity',
      width: 90,
      render: (_, a) => (
        <Tag color={severityColor[a.severity] ?? 'default'}>
          {labelOf(pledgeAlertSeverities, a.severity, language)}
        </Tag>
      ),
    },
    {
      title: t('alerts.kind'),
      key: 'kind',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{labelOf(pledgeAlertKinds, a.kind, language)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.source}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('alerts.case'),
      key: 'case',
      render: (_, a) => (
        <Link to={`/cases/${encodeURIComponent(a.caseId)}`} style={{ fontFamily: 'monospace' }}>
          {a.caseNumber}
        </Link>
      ),
    },
    {
      title: t('alerts.asset'),
      key: 'asset',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{a.assetNumber}</Typography.Text>
          <Typography.Text type="secondary">{a.assetTitle}</Typography.Text>
        </Space>
      ),
    },
    { title: t('alerts.dueDate'), dataIndex: 'dueDate', key: 'dueDate', width: 110 },
    { title: t('alerts.detectedOn'), dataIndex: 'detectedOn', key: 'detectedOn', width: 110 },
    {
      title: t('alerts.state'),
      key: 'state',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Tag color={stateColor[a.state] ?? 'default'}>{stateLabel(a.state, t)}</Tag>
          {a.resolvedBySystem && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('alerts.resolvedBySystem')}
            </Typography.Text>
          )}
          {a.note !== null && !a.resolvedBySystem && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.note}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(canHandle
      ? [
          {
            title: t('alerts.actions'),
            key: 'actions',
            render: (_: unknown, a: PledgeAlert) => (
              <Space>
                {a.state === 'open' && (
                  <Button size="small" onClick={() => setHandling({ alert: a, action: 'acknowledge' })}>
                    {t('alerts.acknowledge')}
                  </Button>
                )}
                {a.state !== 'resolved' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setHandling({ alert: a, action: 'resolve' })}
                  >
                    {t('alerts.resolve')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('alerts.title')} subtitle={t('alerts.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            value={filters['state'] ?? null}
            placeholder={t('alerts.allStates')}
            style={{ width: 160 }}
            options={pledgeAlertStates.map((s) => ({ value: s, label: stateLabel(s, t) }))}
            onChange={(v) => params.setFilters({ state: v })}
          />
          <Select<string>
            allowClear
            value={filters['kind'] ?? null}
            placeholder={t('alerts.allKinds')}
            style={{ width: 220 }}
            options={optionsOf(pledgeAlertKinds, language)}
            onChange={(v) => params.setFilters({ kind: v })}
          />
          <Select<string>
            allowClear
            value={filters['severity'] ?? null}
            placeholder={t('alerts.allSeverities')}
            style={{ width: 140 }}
            options={optionsOf(pledgeAlertSeverities, language)}
            onChange={(v) => params.setFilters({ severity: v })}
          />
          <DatePicker
            placeholder={t('alerts.dueBefore')}
            value={filters['dueBefore'] === undefined ? null : dayjs(filters['dueBefore'])}
            onChange={(d) =>
              params.setFilters({ dueBefore: d === null ? undefined : d.format('YYYY-MM-DD') })
            }
          />
          <Button
            onClick={() =>
              params.setFilters({
                state: undefined,
                kind: undefined,
                severity: undefined,
                dueBefore: undefined,
              })
            }
          >
            {t('common.clearFilters')}
          </Button>
        </Space>
        <PagedTable<PledgeAlert>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('alerts.empty')}
          filtered={Object.values(filters).some((v) => v !== undefined)}
        />
      </Card>
      {handling !== null && (
        <HandleAlertModal
          alert={handling.alert}
          action={handling.action}
          onClose={() => setHandling(null)}
          onDone={() => {
            setHandling(null);
            void queryClient.invalidateQueries({ queryKey: ['pledge-alerts'] });
          }}
        />
      )}
    </>
  );
}
