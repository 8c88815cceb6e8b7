import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseAttachmentContentUrl } from '../cases/case-attachment-api.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { feePaymentApi, type FeePaymentWire } from './fee-payment-api.ts';
import { feeRecordedByLabel, lineLabel } from './subsidy-labels.ts';

/** The query key of a case's fee payment records (invalidated when one is recorded). */
export const feePaymentsQueryKey = (caseId: string) => ['fee-payments', caseId];

/**
 * 已登记的缴费 of a case: kind, amount, date, payee, the invoice number (opening the uploaded invoice) and who
 * recorded it. On 费用缴付 and in the bureau's application drawer, where the reviewer checks the invoice behind an
 * enterprise's own record (issue 9 items 1, 4).
 */
export function FeePaymentTable({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const payments = useQuery({
    queryKey: feePaymentsQueryKey(caseId),
    queryFn: ({ signal }) => feePaymentApi.list(caseId, signal),
  });
  const columns: TableColumnsType<FeePaymentWire> = [
    { title: t('feePayments.kind'), key: 'kind', render: (_, p) => lineLabel(p.kind, t) },
    { title: t('feePayments.amount'), key: 'amount', render: (_, p) => formatMoney(p.amountYuan) },
    { title: t('feePayments.paidDate'), dataIndex: 'paidDate', key: 'paidDate' },
    {
      title: t('feePayments.payee'),
      key: 'payee',
      render: (_, p) => (i18n.language === 'en' ? p.payeeNameEn : p.payeeNameZh),
    },
    {
      title: t('feePayments.invoiceNumber'),
      key: 'invoice',
      render: (_, p) =>
        p.evidenceAttachmentId === null ? (
          p.invoiceNumber
        ) : (
          <Typography.Link href={caseAttachmentContentUrl(p.evidenceAttachmentId)} target="_blank">
            {p.invoiceNumber}
          </Typography.Link>
        ),
    },
    {
      title: t('feePayments.recordedByTitle'),
      key: 'recordedBy',
      render: (_, p) => (
        <Tag color={p.recordedBy === 'payee' ? 'green' : 'gold'}>{feeRecordedByLabel(p.recordedBy, t)}</Tag>
      ),
    },
  ];
  return (
    <>
      {payments.isError && <ProblemAlert error={payments.error} onRetry={() => void payments.refetch()} />}
      <Table<FeePaymentWire>
        rowKey="id"
        size="small"
        loading={payments.isPending}
        dataSource={payments.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('feePayments.none') }}
      />
    </>
  );
}
