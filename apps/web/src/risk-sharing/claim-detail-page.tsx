import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../api/api-problem.ts';
import { caseAttachmentContentUrl } from '../cases/case-attachment-api.ts';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { claimApi, type RiskClaim } from './claim-api.ts';
import { claimRoleLabel, claimStateColor, claimStateLabel } from './claim-labels.ts';

/** 核定/拒赔: the checker's decision on a claim under review (an amount up to the claimed one, or a reason). */
function DecideClaimModal(props: { claim: RiskClaim; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [approvedYuan, setApprovedYuan] = useState(props.claim.claimedYuan);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      claimApi.decide(
        props.claim,
        decision === 'approve'
          ? { decision, approvedYuan: approvedYuan.trim() }
          : { decision, reason: reason.trim() },
      ),
    onSuccess: () => {
      void message.success(
        decision === 'approve' ? t('riskClaims.approvedDone') : t('riskClaims.rejectedDone'),
      );
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('riskClaims.decide')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Form layout="vertical">
        <Form.Item label={t('riskClaims.decision')}>
          <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as 'approve' | 'reject')}>
            <Radio value="approve">{t('riskClaims.approve')}</Radio>
            <Radio value="reject">{t('riskClaims.reject')}</Radio>
          </Radio.Group>
        </Form.Item>
        {decision === 'approve' ? (
          <Form.Item
            label={t('riskClaims.approvedAmount')}
            extra={t('riskClaims.approvedAmountHelp', { claimed: formatMoney(props.claim.claimedYuan) })}
          >
            <Input
              id="claim-approved-yuan"
              value={approvedYuan}
              onChange={(e) => setApprovedYuan(e.target.value)}
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('riskClaims.rejectionReason')} required>
            <Input.TextArea
              id="claim-rejection-reason"
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 登记支付: the payment reference of an approved claim (a pool pays within its budget of the year). */
function PayClaimModal(props: { claim: RiskClaim; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reference, setReference] = useState('');
  const mutation = useMutation({
    mutationFn: () => claimApi.pay(props.claim, reference.trim()),
    onSuccess: () => {
      void message.success(t('riskClaims.paidDone'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('riskClaims.pay')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: reference.trim() === '' }}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Typography.Paragraph>
        {t('riskClaims.payAmount', {
          amount: formatMoney(props.claim.approvedYuan ?? props.claim.claimedYuan),
        })}
      </Typography.Paragraph>
      {props.claim.payerRole === 'pool' && (
        <Typography.Paragraph type="secondary">{t('riskClaims.poolBudgetHelp')}</Typography.Paragraph>
      )}
      <Input
        id="claim-payment-reference"
        maxLength={100}
        value={reference}
        placeholder={t('riskClaims.paymentReference')}
        onChange={(e) => setReference(e.target.value)}
      />
    </Modal>
  );
}

/**
 * 理赔详情 (one claim): the loss it was computed on, the amounts claimed, approved and paid, the documents, the
 * payment and the recoveries shared back; the payer's users take it into review, decide it (never the reviewer)
 * and record the payment.
 */
export function ClaimDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['risk-claims', 'detail', id], queryFn: () => claimApi.get(id) });
  const [dialog, setDialog] = useState<'decide' | 'pay' | null>(null);
  const refresh = () => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: ['risk-claims'] });
  };
  const review = useMutation({
    mutationFn: (claim: RiskClaim) => claimApi.review(claim),
    onSuccess: () => {
      void message.success(t('riskClaims.reviewStarted'));
      refresh();
    },
  });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) {
    if (isApiProblem(detail.error, 404))
      return (
        <Result
          status="404"
          title={t('riskClaims.notFound')}
          extra={
            <Link to="/risk-claims">
              <Button>{t('riskClaims.backToList')}</Button>
            </Link>
          }
        />
      );
    return <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const c = detail.data;
  const isPayer = session?.organisation.id === c.payerOrganisationId;
  const isReviewer = session?.user.id === c.reviewedByUserId;

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span style={{ fontFamily: 'monospace' }}>{c.claimNumber}</span>
            <Tag color={claimStateColor(c.state)}>{claimStateLabel(c.state, t)}</Tag>
          </Space>
        }
        subtitle={`${claimRoleLabel(c.payerRole, t)} · ${c.claimantName} → ${c.payerName}`}
        extra={
          <Link to="/risk-claims">
            <Button icon={<ArrowLeftOutlined />}>{t('riskClaims.backToList')}</Button>
          </Link>
        }
      />
      {isPayer && (
        <Space style={{ marginBottom: 16 }}>
          {c.state === 'filed' && hasPermission(session, 'risk_claim.review') && (
            <Button type="primary" loading={review.isPending} onClick={() => review.mutate(c)}>
              {t('riskClaims.startReview')}
            </Button>
          )}
          {c.state === 'under_review' && hasPermission(session, 'risk_claim.decide') && (
            <Button type="primary" disabled={isReviewer} onClick={() => setDialog('decide')}>
              {t('riskClaims.decide')}
            </Button>
          )}
          {c.state === 'approved' && hasPermission(session, 'risk_claim.pay') && (
            <Button type="primary" onClick={() => setDialog('pay')}>
              {t('riskClaims.pay')}
            </Button>
          )}
        </Space>
      )}
      {review.error !== null && <ProblemAlert error={review.error} />}
      {isPayer && c.state === 'under_review' && isReviewer && (
        <Alert
          type="info"
          showIcon
          title={t('riskClaims.reviewerCannotDecide')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Descriptions column={3} size="small" data-testid="claim-terms">
          <Descriptions.Item label={t('riskClaims.case')}>
            <Link to={`/cases/${encodeURIComponent(c.caseId)}`} style={{ fontFamily: 'monospace' }}>
              {c.caseNumber}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.enterprise')}>{c.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.kind')}>{claimRoleLabel(c.payerRole, t)}</Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.lossPrincipal')}>
            {formatMoney(c.lossPrincipalYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.lossInterest')}>
            {formatMoney(c.lossInterestYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.claimed')}>
            <Typography.Text strong>{formatMoney(c.claimedYuan)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.approved')}>
            {formatMoney(c.approvedYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.paid')}>{formatMoney(c.paidYuan)}</Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.shortfall')}>
            {formatMoney(c.shortfallYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.recovered')}>
            {formatMoney(c.recoveredYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.filedDate')}>{c.filedDate}</Descriptions.Item>
          <Descriptions.Item label={t('riskClaims.decidedDate')}>{c.decidedDate ?? '—'}</Descriptions.Item>
          {c.budgetYear !== null && (
            <Descriptions.Item label={t('riskClaims.budgetYear')}>{c.budgetYear}</Descriptions.Item>
          )}
          {c.payment !== null && (
            <Descriptions.Item label={t('riskClaims.payment')}>
              {t('riskClaims.paymentValue', { date: c.payment.paidDate, reference: c.payment.reference })}
            </Descriptions.Item>
          )}
          {c.rejectionReason !== null && (
            <Descriptions.Item label={t('riskClaims.rejectionReason')}>{c.rejectionReason}</Descriptions.Item>
          )}
        </Descriptions>
        <List
          size="small"
          header={<Typography.Text strong>{t('riskClaims.documents')}</Typography.Text>}
          locale={{ emptyText: t('riskClaims.noDocuments') }}
          dataSource={c.documents}
          renderItem={(d) => (
            <List.Item>
              {d.kind === 'case_attachment' ? (
                <a href={caseAttachmentContentUrl(d.ref)}>{d.name}</a>
              ) : (
                <span>
                  {d.name} · <Typography.Text type="secondary">{d.ref}</Typography.Text>
                </span>
              )}
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('riskClaims.recoveries')} size="small" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.recoveries}
          locale={{ emptyText: t('riskClaims.noRecoveries') }}
          columns={[
            { title: t('riskClaims.recoveryReference'), dataIndex: 'reference', key: 'reference' },
            {
              title: t('riskClaims.amount'),
              key: 'amount',
              align: 'right',
              render: (_, r) => formatMoney(r.amountYuan),
            },
            { title: t('riskClaims.sharedDate'), dataIndex: 'sharedDate', key: 'sharedDate' },
          ]}
        />
      </Card>
      {dialog === 'decide' && <DecideClaimModal claim={c} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog === 'pay' && <PayClaimModal claim={c} onClose={() => setDialog(null)} onDone={refresh} />}
    </>
  );
}
