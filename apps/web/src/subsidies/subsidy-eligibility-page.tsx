import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationStateLabel, lineLabel, proofLabel } from './subsidy-labels.ts';
import { caseAttachmentContentUrl } from '../cases/case-attachment-api.ts';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { asEvaluation, subsidyApi, type SubsidyApplication, type SubsidyEligibility } from './subsidy-api.ts';
import { SubsidyEvaluationView } from './subsidy-evaluation-view.tsx';
import { SubsidyEvidenceUpload } from './subsidy-evidence-upload.tsx';

/** 已缴费用: the costs the platform counts as actually paid for the loan, each with the record proving it. */
function CostsPaidList({ loan }: { loan: SubsidyEligibility }) {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      items={[
        {
          key: 'costs',
          label: t('feePayments.costsPaid', { count: loan.costsPaid.length }),
          extra: (
            <Link
              to={`/fee-payments?caseId=${encodeURIComponent(loan.caseId)}`}
              onClick={(e) => e.stopPropagation()}
            >
              {t('feePayments.recordLink')}
            </Link>
          ),
          children: (
            <List
              size="small"
              dataSource={loan.costsPaid}
              locale={{ emptyText: t('feePayments.none') }}
              renderItem={(c) => (
                <List.Item extra={formatMoney(c.amountYuan)}>
                  <Space>
                    <span>{lineLabel(c.kind, t)}</span>
                    <span>{c.paidOn}</span>
                    <Tag>
                      {proofLabel(c.proof.kind, t)}：{c.proof.id}
                    </Tag>
                    {c.proof.documentId !== undefined && (
                      <Typography.Link href={caseAttachmentContentUrl(c.proof.documentId)} target="_blank">
                        {t('feePayments.openProof')}
                      </Typography.Link>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}

type SchemeOfLoan = SubsidyEligibility['schemes'][number];

interface DeclaredValues {
  techSmeNumber?: string;
  techSmeDocumentId?: string;
  taxDistrict?: string;
  taxCertificateNumber?: string;
  taxCertificateDocumentId?: string;
  districtFilingDate?: string;
  districtFilingNumber?: string;
  districtFilingDocumentId?: string;
}

/**
 * 一键申请, with the facts the platform does not hold declared from the uploaded documents (all optional): each
 * number with its uploaded document, which the reviewer opens from the application.
 */
function ApplyModal(props: {
  caseId: string;
  scheme: SchemeOfLoan;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclaredValues>();
  const missing = asEvaluation(props.scheme.evaluation).conditions.some(
    (c) => c.reason?.code === 'SUBSIDY_CONDITION_FACT_MISSING',
  );
  const mutation = useMutation({
    mutationFn: (values: DeclaredValues) => {
      const declared = Object.fromEntries(
        Object.entries(values).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '',
        ),
      );
      return subsidyApi.apply({
        caseId: props.caseId,
        schemeVersionId: props.scheme.schemeVersionId,
        ...(Object.keys(declared).length > 0 ? { declared } : {}),
      });
    },
    onSuccess: () => {
      void message.success(t('subsidies.applied'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={`${t('subsidies.apply')}：${props.scheme.nameZh}`}
      okText={t('subsidies.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Typography.Paragraph>
        {t('subsidies.applyIntro', { amount: formatMoney(props.scheme.totalYuan) })}
      </Typography.Paragraph>
      {missing && <Typography.Paragraph type="warning">{t('subsidies.declareIntro')}</Typography.Paragraph>}
      <Form<DeclaredValues> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Space align="end">
          <Form.Item name="techSmeNumber" label={t('subsidies.declared.techSmeNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="techSmeDocumentId" label={t('feePayments.proofDocument')}>
            <SubsidyEvidenceUpload caseId={props.caseId} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="taxDistrict" label={t('subsidies.declared.taxDistrict')}>
            <Input maxLength={40} placeholder="futian" />
          </Form.Item>
          <Form.Item name="taxCertificateNumber" label={t('subsidies.declared.taxCertificateNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="taxCertificateDocumentId" label={t('feePayments.proofDocument')}>
            <SubsidyEvidenceUpload caseId={props.caseId} kind="tax_certificate" />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="districtFilingDate" label={t('subsidies.declared.districtFilingDate')}>
            <Input placeholder="2026-03-15" maxLength={10} />
          </Form.Item>
          <Form.Item name="districtFilingNumber" label={t('subsidies.declared.districtFilingNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="districtFilingDocumentId" label={t('feePayments.proofDocument')}>
            <SubsidyEvidenceUpload caseId={props.caseId} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/**
 * 政策补贴 (the enterprise's page, issue 9 items 3, 4): for each of its loans, the costs actually paid with their
 * records (repayments, contracts, fee payment records and invoices), the published schemes with every condition
 * ✓/✗ and the record proving it, the amount step by step and 一键申请; below, its applications.
 */
export function SubsidyEligibilityPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const params = useListSearchParams();
  const [applying, setApplying] = useState<{ caseId: string; scheme: SchemeOfLoan } | null>(null);
  const eligibility = useQuery({
    queryKey: ['subsidy-eligibility'],
    queryFn: ({ signal }) => subsidyApi.eligibility(signal),
  });
  const applications = useQuery({
    queryKey: ['subsidy-applications', 'own', params.page, params.pageSize],
    queryFn: ({ signal }) =>
      subsidyApi.applications({ page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<SubsidyApplication> = [
    { title: t('subsidies.applicationNumber'), dataIndex: 'applicationNumber', key: 'number' },
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
  ];

  return (
    <>
      <PageHeader title={t('subsidies.eligibilityTitle')} subtitle={t('subsidies.eligibilitySubtitle')} />
      {eligibility.isError && (
        <ProblemAlert error={eligibility.error} onRetry={() => void eligibility.refetch()} />
      )}
      {eligibility.isPending && <Skeleton active />}
      {eligibility.data?.length === 0 && <Empty description={t('subsidies.noLoans')} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {eligibility.data?.map((loan) => (
          <Card
            key={loan.caseId}
            title={`${t('subsidies.caseNumber')} ${loan.caseNumber}`}
            extra={
              <Space>
                <span>{formatMoney(loan.principalYuan)}</span>
                <Tag color={loan.loanStatus === 'closed' ? 'green' : 'blue'}>
                  {loan.loanStatus === 'closed'
                    ? t('subsidies.loanRepaid', { date: loan.closedDate ?? '' })
                    : t('subsidies.loanActive')}
                </Tag>
              </Space>
            }
          >
            <CostsPaidList loan={loan} />
            <Collapse
              items={loan.schemes.map((scheme) => ({
                key: scheme.schemeVersionId,
                label: (
                  <Space>
                    <span>{scheme.nameZh}</span>
                    <Tag>{t('subsidies.yearTag', { year: scheme.subsidyYear })}</Tag>
                    {scheme.eligible ? (
                      <Tag color="green">{t('subsidies.eligible')}</Tag>
                    ) : (
                      <Tag>{t('subsidies.notEligible')}</Tag>
                    )}
                    {scheme.application !== null && (
                      <Tag color="blue">{applicationStateLabel(scheme.application.state, t)}</Tag>
                    )}
                  </Space>
                ),
                extra: (
                  <Space onClick={(e) => e.stopPropagation()}>
                    <strong>{formatMoney(scheme.totalYuan)}</strong>
                    <Button
                      type="primary"
                      size="small"
                      disabled={scheme.application !== null}
                      onClick={() => setApplying({ caseId: loan.caseId, scheme })}
                    >
                      {t('subsidies.apply')}
                    </Button>
                  </Space>
                ),
                children: <SubsidyEvaluationView evaluation={asEvaluation(scheme.evaluation)} />,
              }))}
            />
          </Card>
        ))}
      </Space>
      <Card title={t('subsidies.myApplications')} style={{ marginTop: 16 }}>
        <PagedTable<SubsidyApplication>
          list={applications}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('subsidies.noApplications')}
          filtered={false}
        />
      </Card>
      {applying !== null && (
        <ApplyModal
          caseId={applying.caseId}
          scheme={applying.scheme}
          onClose={() => setApplying(null)}
          onDone={() => {
            setApplying(null);
            void queryClient.invalidateQueries({ queryKey: ['subsidy-eligibility'] });
            void queryClient.invalidateQueries({ queryKey: ['subsidy-applications'] });
          }}
        />
      )}
    </>
  );
}
