import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseAttachmentApi } from '../cases/case-attachment-api.ts';
import { newIdempotencyKey } from '../cases/new-idempotency-key.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { claimApi, type CaseClaims, type FileRiskClaimInput } from './claim-api.ts';
import { claimRoleLabel, claimStateColor, claimStateLabel } from './claim-labels.ts';
import { riskRoleLabel } from './disposition-labels.ts';
import { partyBooks } from './party-books.ts';

type Payer = CaseClaims['payers'][number];

/** 发起代偿/理赔/补偿 for one payer: the amount the agreement gives, the case's attachments as proof, a note. */
function FileClaimModal(props: { caseId: string; payer: Payer; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  const [externalName, setExternalName] = useState('');
  const [externalRef, setExternalRef] = useState('');
  const [note, setNote] = useState('');
  const attachments = useQuery({
    queryKey: ['cases', 'attachments', props.caseId],
    queryFn: () => caseAttachmentApi.find(props.caseId),
  });
  const mutation = useMutation({
    mutationFn: () =>
      claimApi.file(
        props.caseId,
        {
          payerRole: props.payer.role as FileRiskClaimInput['payerRole'],
          attachmentIds,
          ...(externalName.trim() !== '' && externalRef.trim() !== ''
            ? { externalDocuments: [{ name: externalName.trim(), ref: externalRef.trim() }] }
            : {}),
          ...(note.trim() === '' ? {} : { note: note.trim() }),
        },
        idempotencyKey,
      ),
    onSuccess: () => {
      void message.success(t('riskClaims.filedDone'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('riskClaims.fileTitle', { kind: claimRoleLabel(props.payer.role, t) })}
      okText={t('riskClaims.file')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Typography.Paragraph>
        {t('riskClaims.fileSummary', {
          payer: props.payer.partyName,
          amount: formatMoney(props.payer.claimableYuan),
        })}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('riskClaims.attachments')} extra={t('riskClaims.attachmentsHelp')}>
          <Select<string[]>
            id="claim-attachments"
            mode="multiple"
            allowClear
            loading={attachments.isPending}
            value={attachmentIds}
            onChange={setAttachmentIds}
            options={(attachments.data ?? []).map((a) => ({ value: a.id, label: a.fileName }))}
            notFoundContent={t('riskClaims.noAttachments')}
          />
        </Form.Item>
        <Form.Item label={t('riskClaims.externalDocument')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              id="claim-external-name"
              placeholder={t('riskClaims.externalName')}
              value={externalName}
              onChange={(e) => setExternalName(e.target.value)}
            />
            <Input
              id="claim-external-ref"
              placeholder={t('riskClaims.externalRef')}
              value={externalRef}
              onChange={(e) => setExternalRef(e.target.value)}
            />
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('riskClaims.note')}>
          <Input.TextArea
            id="claim-note"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 登记追偿回款: the amount recovered and its reference; the server shares it back pro rata. */
function RecordRecoveryModal(props: { caseId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [amountYuan, setAmountYuan] = useState('');
  const [reference, setReference] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      claimApi.recordRecovery(props.caseId, { amountYuan: amountYuan.trim(), reference: reference.trim() }),
    onSuccess: (result) => {
      void message.success(t('riskClaims.recoveryDone', { amount: formatMoney(result.sharedYuan) }));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('riskClaims.recordRecovery')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ disabled: amountYuan.trim() === '' || reference.trim() === '' }}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Typography.Paragraph type="secondary">{t('riskClaims.recoveryHelp')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('riskClaims.recoveryAmount')}>
          <Input
            id="recovery-amount"
            placeholder="300000.00"
            value={amountYuan}
            onChange={(e) => setAmountYuan(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('riskClaims.recoveryReference')}>
          <Input
            id="recovery-reference"
            maxLength={100}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 代偿/理赔/补偿 panel of the case page: the loan's loss today, each payer of the agreement with the amount a claim
 * would ask and its claim, the bank clerk's 发起 action once the loan is non-performing, the case's claims and the
 * recoveries shared back. Shown once the case has an agreement or a claim.
 */
export function ClaimCasePanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSession().data;
  const claims = useQuery({
    queryKey: ['risk-claims', 'case', caseId],
    queryFn: () => claimApi.ofCase(caseId),
  });
  const [filing, setFiling] = useState<Payer | null>(null);
  const [recording, setRecording] = useState(false);
  const done = () => {
    setFiling(null);
    setRecording(false);
    void claims.refetch();
    onChanged();
  };

  if (claims.isPending) return null;
  if (claims.isError)
    return (
      <Card title={t('riskClaims.panelTitle')} size="small" style={{ marginTop: 16 }}>
        <ProblemAlert error={claims.error} onRetry={() => void claims.refetch()} />
      </Card>
    );
  const data = claims.data;
  if (!data.hasAgreement && data.claims.length === 0) return null;
  const books = partyBooks(data);
  const isBankClerk = session?.role === 'bank_clerk';
  const canFile = hasPermission(session, 'risk_claim.file') && data.filingOpen;
  const canRecord =
    isBankClerk &&
    hasPermission(session, 'risk_recovery.record') &&
    data.claims.some((c) => c.paidYuan !== null);

  return (
    <Card
      title={t('riskClaims.panelTitle')}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="case-claims-panel"
      extra={
        canRecord && (
          <Button size="small" onClick={() => setRecording(true)}>
            {t('riskClaims.recordRecovery')}
          </Button>
        )
      }
    >
      {data.loss !== null && (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('riskClaims.lossPrincipal')}>
            {formatMoney(data.loss.principalYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.lossInterest')}>
            {formatMoney(data.loss.interestYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.lossBaseAmount')}>
            <Space size={4}>
              {formatMoney(data.loss.lossBaseYuan)}
              <Tag>
                {data.lossBase === 'principal_and_interest'
                  ? t('riskClaims.lossBasePrincipalAndInterest')
                  : t('riskClaims.lossBasePrincipal')}
              </Tag>
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      {!data.filingOpen && data.claims.length === 0 && (
        <Typography.Paragraph type="secondary">{t('riskClaims.notYetDefaulted')}</Typography.Paragraph>
      )}
      <Table
        rowKey="role"
        size="small"
        pagination={false}
        dataSource={data.payers}
        locale={{ emptyText: t('riskClaims.noPayers') }}
        columns={[
          { title: t('riskClaims.kind'), key: 'kind', render: (_, p) => claimRoleLabel(p.role, t) },
          { title: t('riskClaims.payer'), dataIndex: 'partyName', key: 'payer' },
          {
            title: t('riskClaims.claimable'),
            key: 'claimable',
            align: 'right',
            render: (_, p) => formatMoney(p.claimableYuan),
          },
          {
            title: t('riskClaims.state'),
            key: 'state',
            render: (_, p) =>
              p.liveClaimId === null ? (
                '—'
              ) : (
                <Link to={`/risk-claims/${encodeURIComponent(p.liveClaimId)}`}>
                  <Tag color={claimStateColor(p.liveClaimState ?? '')}>
                    {claimStateLabel(p.liveClaimState ?? '', t)}
                  </Tag>
                </Link>
              ),
          },
          ...(canFile
            ? [
                {
                  title: t('riskClaims.actions'),
                  key: 'actions',
                  render: (_: unknown, p: Payer) => {
                    const mine = isBankClerk ? p.role !== 're_guarantor' : p.role === 're_guarantor';
                    return mine && p.liveClaimId === null && p.claimableYuan !== null ? (
                      <Button size="small" type="primary" onClick={() => setFiling(p)}>
                        {t('riskClaims.fileFor', { kind: claimRoleLabel(p.role, t) })}
                      </Button>
                    ) : null;
                  },
                },
              ]
            : []),
        ]}
      />
      {books !== null && (
        <Table
          rowKey="organisationId"
          size="small"
          style={{ marginTop: 12 }}
          pagination={false}
          data-testid="claim-party-books"
          title={() => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{t('riskClaims.books.title')}</Typography.Text>
              <Typography.Text type="secondary">{t('riskClaims.books.help')}</Typography.Text>
            </Space>
          )}
          dataSource={[...books.rows]}
          columns={[
            { title: t('riskClaims.books.role'), key: 'role', render: (_, r) => riskRoleLabel(r.role, t) },
            { title: t('riskClaims.party'), dataIndex: 'name', key: 'name' },
            ...(
              [
                ['lossBaseYuan', t('riskClaims.books.lossBase')],
                ['paidYuan', t('riskClaims.books.paid')],
                ['receivedYuan', t('riskClaims.books.received')],
                ['recoveredYuan', t('riskClaims.books.recovered')],
                ['netYuan', t('riskClaims.books.net')],
              ] as const
            ).map(([field, title]) => ({
              title,
              key: field,
              align: 'right' as const,
              render: (_: unknown, r: (typeof books.rows)[number]) => formatMoney(r[field]),
            })),
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={6}>
                {t('riskClaims.books.total', {
                  lossBase: formatMoney(books.lossBaseYuan),
                  recovered: formatMoney(books.recoveredYuan),
                })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong data-testid="claim-party-books-total">
                  {formatMoney(books.totalNetYuan)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
      {data.recoveries.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          style={{ marginTop: 12 }}
          pagination={false}
          title={() => <Typography.Text strong>{t('riskClaims.recoveries')}</Typography.Text>}
          dataSource={data.recoveries}
          columns={[
            { title: t('riskClaims.recoveryReference'), dataIndex: 'reference', key: 'reference' },
            { title: t('riskClaims.kind'), key: 'role', render: (_, r) => claimRoleLabel(r.role, t) },
            { title: t('riskClaims.party'), dataIndex: 'organisationName', key: 'party' },
            {
              title: t('riskClaims.amount'),
              key: 'amount',
              align: 'right',
              render: (_, r) => formatMoney(r.amountYuan),
            },
            { title: t('riskClaims.sharedDate'), dataIndex: 'sharedDate', key: 'sharedDate' },
          ]}
        />
      )}
      {filing !== null && (
        <FileClaimModal caseId={caseId} payer={filing} onClose={() => setFiling(null)} onDone={done} />
      )}
      {recording && <RecordRecoveryModal caseId={caseId} onClose={() => setRecording(false)} onDone={done} />}
    </Card>
  );
}
