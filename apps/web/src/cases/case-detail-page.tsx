import { ArrowLeftOutlined, DollarOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../api/api-problem.ts';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ipLabels } from '../ip-assets/ip-asset-labels.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { CaseActionPanel } from './case-action-panel.tsx';
import { caseApi } from './case-api.ts';
import { CaseAttachmentsPanel } from './case-attachments-panel.tsx';
import { CaseContractsPanel } from './case-contracts-panel.tsx';
import { CaseEvaluationChain } from './case-evaluation-chain.tsx';
import { caseLabels, repaymentMethodLabel } from './case-labels.ts';
import { CaseLoanPanel } from './case-loan-panel.tsx';
import { CaseRegistrationPanel } from './case-registration-panel.tsx';
import { CaseStateTag } from './case-state-tag.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { SlaAgeTag } from './sla-age-tag.tsx';
import { ClaimCasePanel } from '../risk-sharing/claim-case-panel.tsx';
import { DispositionCasePanel } from '../risk-sharing/disposition-case-panel.tsx';
import { CaseRiskSharingPanel } from '../risk-sharing/case-risk-sharing-panel.tsx';

const readOnlyRoles = ['district_bureau', 'city_bureau', 'regulator'];
/** The institutions paid a fee for a financing, which record what they were paid on the cases they see. */
const feePayeeRoles = ['evaluator', 'guarantor_user', 'insurer_user', 'bank_clerk'];

/** 担保机构 / 保险机构 / 评估机构: the participant's part in the case. */
function participantRoleLabel(role: string, t: TFunction): string {
  switch (role) {
    case 'guarantor':
      return t('cases.guarantor');
    case 'insurer':
      return t('cases.insurer');
    case 'evaluator':
      return t('cases.evaluator');
    default:
      return role;
  }
}

/**
 * 案件详情: the case's terms, parties and product, the evaluation chain, approvals and committee votes, the
 * timeline, and the panels of the steps the user may act on (origination, contracts, registration). Bureaus and
 * regulators read it without any panel.
 */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['cases', 'detail', id], queryFn: () => caseApi.get(id) });
  const bankId = detail.data?.bankId;
  const products = useQuery({
    queryKey: ['bank-products', bankId],
    queryFn: () => caseApi.products(bankId),
    enabled: bankId !== undefined,
  });
  const product = products.data?.find((p) => p.id === detail.data?.productId);
  const onChanged = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: ['cases'] }),
    [queryClient],
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    if (isApiProblem(detail.error, 404))
      return (
        <Result
          status="404"
          title={t('cases.notFound')}
          extra={
            <Link to="/cases">
              <Button>{t('cases.backToList')}</Button>
            </Link>
          }
        />
      );
    return <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const c = detail.data;
  const readOnly = session === null || session === undefined || readOnlyRoles.includes(session.role);
  // 登记费用: the case's evaluator, guarantor, insurer or bank opens 费用缴付 with this case chosen.
  const canRecordFee =
    session !== null &&
    session !== undefined &&
    feePayeeRoles.includes(session.role) &&
    hasPermission(session, 'fee_payment.record');
  const can = (permission: string) => hasPermission(session, permission);

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span style={{ fontFamily: 'monospace' }}>{c.caseNumber}</span>
            <CaseStateTag state={c.state} />
          </Space>
        }
        subtitle={`${c.enterpriseName} → ${c.bankUnitName}`}
        extra={
          <Space>
            {canRecordFee && (
              <Link to={`/fee-payments?caseId=${encodeURIComponent(c.id)}`} data-testid="case-record-fee">
                <Button icon={<DollarOutlined />}>{t('cases.recordFee')}</Button>
              </Link>
            )}
            <Link to="/cases">
              <Button icon={<ArrowLeftOutlined />}>{t('cases.backToList')}</Button>
            </Link>
          </Space>
        }
      />
      {readOnly && <Alert type="info" showIcon title={t('cases.readOnly')} style={{ marginBottom: 16 }} />}
      <Card>
        <Descriptions column={3} size="small" data-testid="case-terms">
          <Descriptions.Item label={t('cases.enterprise')}>{c.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('cases.bankUnit')}>{c.bankUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('cases.product')}>
            {product === undefined ? '—' : language === 'en' ? product.nameEn : product.nameZh}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.amount')}>
            <Typography.Text strong>{formatMoney(c.amountYuan)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.termMonths')}>
            {c.termMonths === null ? '—' : t('cases.termMonthsValue', { count: c.termMonths })}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.repaymentMethod')}>
            {repaymentMethodLabel(c.repaymentMethod, t)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.rate')}>
            {c.spreadBps === null
              ? '—'
              : t('cases.rateValue', { tenor: product?.lprTenor ?? '1y', spread: c.spreadBps })}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.combinedModel')}>
            {caseLabels.combinedModel(c.combinedModel, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.pledgee')}>
            {c.pledgeeKind === 'guarantor' ? t('cases.pledgeeGuarantor') : t('cases.pledgeeBank')}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.createdAt')}>
            {formatDateTime(c.createdAt, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.stateSince')}>
            <Space size={4}>
              {formatDateTime(c.stateEnteredAt, language)}
              <SlaAgeTag state={c.state} daysInState={c.daysInState} />
            </Space>
          </Descriptions.Item>
          {c.participants.map((p) => (
            <Descriptions.Item key={`${p.role}-${p.organisationId}`} label={participantRoleLabel(p.role, t)}>
              <Space size={4} wrap data-testid={`case-participant-${p.role}`}>
                {language === 'en' ? p.organisationNameEn : p.organisationNameZh}
                {p.role !== 'evaluator' &&
                  (p.acceptedAt === null ? (
                    <Tag color="orange">{t('cases.participantPending')}</Tag>
                  ) : (
                    <Tag color="green">
                      {t('cases.participantAccepted', { at: formatDateTime(p.acceptedAt, language) })}
                    </Tag>
                  ))}
              </Space>
            </Descriptions.Item>
          ))}
          {c.declineReasonCode !== null && (
            <Descriptions.Item label={t('cases.declineReason')}>
              <Tag color="red">{caseLabels.declineReason(c.declineReasonCode, language)}</Tag>
            </Descriptions.Item>
          )}
        </Descriptions>
        <List
          size="small"
          header={<Typography.Text strong>{t('cases.pledgedAssets')}</Typography.Text>}
          dataSource={c.assets}
          renderItem={(a) => (
            <List.Item>
              <Space>
                <Tag>{ipLabels.kind(a.kind, language)}</Tag>
                <Link to={`/ip-assets/${encodeURIComponent(a.assetId)}`} style={{ fontFamily: 'monospace' }}>
                  {a.number}
                </Link>
                <span>{a.title}</span>
              </Space>
            </List.Item>
          )}
        />
      </Card>

      {!readOnly && (
        <CaseActionPanel
          detail={c}
          session={session}
          creditCommitteeThresholdYuan={product?.creditCommitteeThresholdYuan ?? null}
          onChanged={onChanged}
        />
      )}

      <CaseEvaluationChain detail={c} />

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={c.committeeVotes.length > 0 ? 14 : 24}>
          <Card title={t('cases.approvals')} size="small">
            <Table
              rowKey={(a) => `${a.approverUserId}-${a.decidedAt}`}
              size="small"
              pagination={false}
              dataSource={c.approvals}
              locale={{ emptyText: t('cases.noApprovals') }}
              columns={[
                {
                  title: t('cases.decision'),
                  key: 'decision',
                  render: (_, a) => (
                    <Tag color={a.decision === 'approved' || a.decision === 'approve' ? 'green' : 'red'}>
                      {a.decision === 'approved' || a.decision === 'approve'
                        ? t('cases.decisionApproved')
                        : t('cases.decisionDeclined')}
                    </Tag>
                  ),
                },
                {
                  title: t('cases.authorityLevel'),
                  key: 'level',
                  render: (_, a) =>
                    t('cases.authorityLevelValue', {
                      level: a.authorityLevel,
                      required: a.requiredLevel ?? '—',
                    }),
                },
                {
                  title: t('cases.declineReason'),
                  key: 'reason',
                  render: (_, a) =>
                    a.reasonCode === null ? '—' : caseLabels.declineReason(a.reasonCode, language),
                },
                {
                  title: t('cases.note'),
                  dataIndex: 'note',
                  key: 'note',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('cases.decidedAt'),
                  dataIndex: 'decidedAt',
                  key: 'decidedAt',
                  render: (v: string) => formatDateTime(v, language),
                },
              ]}
            />
          </Card>
        </Col>
        {c.committeeVotes.length > 0 && (
          <Col span={10}>
            <Card title={t('cases.committeeVotes')} size="small">
              <List
                size="small"
                dataSource={c.committeeVotes}
                renderItem={(v, index) => (
                  <List.Item>
                    <span>{t('cases.committeeMember', { n: index + 1 })}</span>
                    <Tag color={v.vote === 'approve' ? 'green' : v.vote === 'reject' ? 'red' : 'default'}>
                      {v.vote === 'approve'
                        ? t('cases.vote.approve')
                        : v.vote === 'reject'
                          ? t('cases.vote.reject')
                          : t('cases.vote.abstain')}
                    </Tag>
                    <Typography.Text type="secondary">{formatDateTime(v.votedAt, language)}</Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>

      {can('case_attachment.read') && <CaseAttachmentsPanel caseId={c.id} caseState={c.state} />}
      {/* These panels show their documents and registrations to every reader and decide their own actions; a
          reader without the panel's read permission (an evaluation firm) does not get it. */}
      {can('case_document.read') && <CaseContractsPanel caseId={c.id} onChanged={onChanged} />}
      <CaseRegistrationPanel caseId={c.id} onChanged={onChanged} />
      <CaseLoanPanel caseId={c.id} caseState={c.state} onChanged={onChanged} />
      <CaseRiskSharingPanel caseId={c.id} onChanged={onChanged} />
      {can('risk_claim.case') && <ClaimCasePanel caseId={c.id} onChanged={onChanged} />}
      <DispositionCasePanel caseId={c.id} caseState={c.state} onChanged={onChanged} />

      <CaseTimeline detail={c} />
    </>
  );
}
