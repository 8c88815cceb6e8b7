import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { consentApi, type Consent } from './consent-api.ts';
import { consentScopeLabel as scopeLabel, consentStateLabel as stateLabel } from './consent-labels.ts';
import { describeConsentPurpose } from './describe-consent-purpose.ts';
import { GrantConsentModal } from './grant-consent-modal.tsx';

type ConsentState = Consent['state'];

const states: ConsentState[] = ['active', 'expired', 'revoked'];
const stateColor: Record<ConsentState, string> = { active: 'green', expired: 'default', revoked: 'red' };

/** The confirmation of revoking one consent, with what revoking does and does not undo (access.md "Consent"). */
function RevokeConsentModal(props: { consent: Consent; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = currentLanguage();
  const recipient = language === 'en' ? props.consent.recipientNameEn : props.consent.recipientNameZh;
  const mutation = useMutation({
    mutationFn: () => consentApi.revoke(props.consent.id),
    onSuccess: () => {
      void message.success(t('consents.revoked'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('consents.revokeTitle')}
      okText={t('consents.revokeConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.isError && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={mutation.error} />
        </div>
      )}
      <Typography.Paragraph>
        {t('consents.revokeQuestion', { recipient, scope: scopeLabel(props.consent.scope, t) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('consents.revokeNote')}</Typography.Paragraph>
    </Modal>
  );
}

/**
 * 我的授权 (the enterprise's consents, issue 5 item 2; access.md "Consent"): to whom it granted which data, for
 * what purpose (an application's consents name their case), when, until when and in what state; an active consent
 * can be revoked after a confirmation; 新增授权 authorises a bank (issue 10 item 6). The API answers the whole list,
 * so the table pages and filters it here.
 */
export function ConsentListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const canRevoke = hasPermission(session, 'consent.revoke');
  const canGrant = hasPermission(session, 'consent.grant');
  const [granting, setGranting] = useState(false);
  const [state, setState] = useState<ConsentState | undefined>(undefined);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [revoking, setRevoking] = useState<Consent | null>(null);

  const list = useQuery({ queryKey: ['consents'], queryFn: ({ signal }) => consentApi.find(signal) });
  const rows = (list.data ?? []).filter((c) => state === undefined || c.state === state);

  const columns: TableColumnsType<Consent> = [
    {
      title: t('consents.recipient'),
      key: 'recipient',
      render: (_, c) => (language === 'en' ? c.recipientNameEn : c.recipientNameZh),
    },
    {
      title: t('consents.scope'),
      key: 'scope',
      render: (_, c) => scopeLabel(c.scope, t),
    },
    {
      title: t('consents.purpose'),
      key: 'purpose',
      render: (_, c) => {
        const purpose = describeConsentPurpose(c.purpose, c.caseNumber, t);
        return (
          <Space size={6} wrap>
            <span>{purpose.label}</span>
            {purpose.caseNumber !== null && c.caseId !== null && (
              <Link to={`/cases/${encodeURIComponent(c.caseId)}`} style={{ fontFamily: 'monospace' }}>
                {purpose.caseNumber}
              </Link>
            )}
          </Space>
        );
      },
    },
    {
      title: t('consents.grantedAt'),
      dataIndex: 'grantedAt',
      key: 'grantedAt',
      render: (v: string) => formatDateTime(v, language),
    },
    { title: t('consents.expiresOn'), dataIndex: 'expiresOn', key: 'expiresOn' },
    {
      title: t('consents.state'),
      key: 'state',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Tag color={stateColor[c.state]} data-state={c.state}>
            {stateLabel(c.state, t)}
          </Tag>
          {c.revokedAt !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(c.revokedAt, language)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(canRevoke
      ? [
          {
            title: t('consents.actions'),
            key: 'actions',
            render: (_: unknown, c: Consent) =>
              c.state === 'active' ? (
                <Button size="small" danger onClick={() => setRevoking(c)}>
                  {t('consents.revoke')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('consents.title')} subtitle={t('consents.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          {canGrant && (
            <Button type="primary" onClick={() => setGranting(true)}>
              {t('consents.grant.open')}
            </Button>
          )}
          <Select<ConsentState>
            allowClear
            value={state ?? null}
            placeholder={t('consents.allStates')}
            style={{ width: 160 }}
            options={states.map((s) => ({ value: s, label: stateLabel(s, t) }))}
            onChange={(v) => {
              setState(v ?? undefined);
              setPage((p) => ({ ...p, current: 1 }));
            }}
          />
        </Space>
        {list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Consent>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: state === undefined ? t('consents.empty') : t('consents.emptyFiltered') }}
            pagination={{
              current: page.current,
              pageSize: page.pageSize,
              total: rows.length,
              showSizeChanger: true,
              showTotal: (total) => t('consents.total', { count: total }),
              onChange: (current, pageSize) => setPage({ current, pageSize }),
            }}
          />
        )}
      </Card>
      {granting && (
        <GrantConsentModal
          onClose={() => setGranting(false)}
          onDone={() => {
            setGranting(false);
            void queryClient.invalidateQueries({ queryKey: ['consents'] });
          }}
        />
      )}
      {revoking !== null && (
        <RevokeConsentModal
          consent={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            void queryClient.invalidateQueries({ queryKey: ['consents'] });
          }}
        />
      )}
    </>
  );
}
