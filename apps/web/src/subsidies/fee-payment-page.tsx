import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { caseApi } from '../cases/case-api.ts';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useSession } from '../session/use-session.ts';
import { feePaymentApi } from './fee-payment-api.ts';
import { FeePaymentTable, feePaymentsQueryKey } from './fee-payment-table.tsx';
import { SubsidyEvidenceUpload } from './subsidy-evidence-upload.tsx';
import { lineLabel } from './subsidy-labels.ts';

interface FeeFormValues {
  kind: 'evaluation_fee' | 'service_fee';
  amountYuan: string;
  paidDate: Dayjs;
  invoiceNumber: string;
  payeeOrganisationId?: string;
  evidenceAttachmentId?: string;
}

/** 登记缴费: the payee records what it was paid; the enterprise names the payee and uploads the invoice. */
function RecordFeeForm(props: { caseId: string; byEnterprise: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FeeFormValues>();
  const payees = useQuery({
    queryKey: ['fee-payees', props.caseId],
    queryFn: ({ signal }) => feePaymentApi.payees(props.caseId, signal),
    enabled: props.byEnterprise,
  });
  const record = useMutation({
    mutationFn: (values: FeeFormValues) =>
      feePaymentApi.record(props.caseId, {
        kind: values.kind,
        amountYuan: values.amountYuan.trim(),
        paidDate: values.paidDate.format('YYYY-MM-DD'),
        invoiceNumber: values.invoiceNumber.trim(),
        ...(values.payeeOrganisationId === undefined
          ? {}
          : { payeeOrganisationId: values.payeeOrganisationId }),
        ...(values.evidenceAttachmentId === undefined
          ? {}
          : { evidenceAttachmentId: values.evidenceAttachmentId }),
      }),
    onSuccess: () => {
      void message.success(t('feePayments.recorded'));
      form.resetFields();
      props.onDone();
    },
  });
  return (
    <Card size="small" title={t('feePayments.recordTitle')}>
      {record.error !== null && <ProblemAlert error={record.error} />}
      <Typography.Paragraph type="secondary">
        {props.byEnterprise ? t('feePayments.enterpriseIntro') : t('feePayments.payeeIntro')}
      </Typography.Paragraph>
      <Form<FeeFormValues>
        form={form}
        layout="inline"
        initialValues={{ kind: 'evaluation_fee' }}
        onFinish={(values) => record.mutate(values)}
      >
        <Form.Item name="kind" label={t('feePayments.kind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'evaluation_fee', label: lineLabel('evaluation_fee', t) },
              { value: 'service_fee', label: lineLabel('service_fee', t) },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('feePayments.amount')}
          rules={[{ required: true, pattern: /^\d{1,13}\.\d{2}$/, message: t('feePayments.amountFormat') }]}
        >
          <Input placeholder="3000.00" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="paidDate" label={t('feePayments.paidDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="invoiceNumber" label={t('feePayments.invoiceNumber')} rules={[{ required: true }]}>
          <Input maxLength={100} style={{ width: 160 }} />
        </Form.Item>
        {props.byEnterprise && (
          <Form.Item name="payeeOrganisationId" label={t('feePayments.payee')} rules={[{ required: true }]}>
            <Select
              style={{ width: 260 }}
              loading={payees.isPending}
              options={(payees.data ?? []).map((p) => ({
                value: p.organisationId,
                label: i18n.language === 'en' ? p.nameEn : p.nameZh,
              }))}
            />
          </Form.Item>
        )}
        {/* The payee's own record needs no copy of the invoice it issued; only enterprises upload (server rule). */}
        {props.byEnterprise && (
          <Form.Item
            name="evidenceAttachmentId"
            label={t('feePayments.invoice')}
            rules={[{ required: true, message: t('feePayments.invoiceRequired') }]}
          >
            <SubsidyEvidenceUpload caseId={props.caseId} />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('feePayments.record')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/**
 * 费用缴付记录 (issue 9 items 1, 3): for a case the user sees, the evaluation and service fees the enterprise paid,
 * each with its invoice and who recorded it; the payee institution (or the enterprise, with the invoice) records
 * one. The subsidy eligibility page counts them as costs actually paid.
 */
export function FeePaymentPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const caseId = searchParams.get('caseId') ?? undefined;
  const [search, setSearch] = useState('');
  const cases = useQuery({
    queryKey: ['fee-payment-cases', search],
    queryFn: ({ signal }) => caseApi.find({ q: search, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const role = session.data?.role;
  const canRecord =
    role === 'enterprise_user' ||
    role === 'bank_clerk' ||
    role === 'guarantor_user' ||
    role === 'insurer_user' ||
    role === 'evaluator';
  return (
    <>
      <PageHeader title={t('feePayments.title')} subtitle={t('feePayments.subtitle')} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          showSearch
          allowClear
          style={{ width: 420 }}
          placeholder={t('feePayments.pickCase')}
          filterOption={false}
          onSearch={setSearch}
          value={caseId}
          loading={cases.isFetching}
          onChange={(value: string | undefined) =>
            setSearchParams(value === undefined ? {} : { caseId: value })
          }
          options={(cases.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.caseNumber} · ${c.enterpriseName}`,
          }))}
        />
        {caseId !== undefined && canRecord && (
          <RecordFeeForm
            caseId={caseId}
            byEnterprise={role === 'enterprise_user'}
            onDone={() => void queryClient.invalidateQueries({ queryKey: feePaymentsQueryKey(caseId) })}
          />
        )}
        {caseId !== undefined && (
          <Card size="small" title={t('feePayments.listTitle')}>
            <FeePaymentTable caseId={caseId} />
          </Card>
        )}
      </Space>
    </>
  );
}
