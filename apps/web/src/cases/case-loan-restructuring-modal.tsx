import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { calculateMaxExtensionMonths } from '@ipf/domain/loan';
import { parseYuan } from '@ipf/domain/money';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import type { ProblemItem } from '../api/api-types.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { applyProblemsToForm } from '../forms/apply-problems-to-form.ts';
import { formatMoney } from '../format/format-money.ts';
import {
  buildRestructuringBody,
  type RestructuringKind,
  type RestructuringRequest,
  type RestructuringValues,
} from './build-restructuring-body.ts';
import { repaymentMethodLabel } from './case-labels.ts';
import { caseLoanApi, type LoanAccount } from './case-loan-api.ts';
import { newIdempotencyKey } from './new-idempotency-key.ts';
import { restructuringProblems } from './restructuring-problems.ts';

const repaymentMethods = ['annuity', 'equalPrincipal', 'interestOnly', 'bullet'] as const;
const fieldNames = [
  'extensionMonths',
  'termMonths',
  'spreadBps',
  'repaymentMethod',
  'borrowerInDifficulty',
  'note',
];

/** 展期 limit of 《贷款通则》 art. 12 left for this loan: the cap on the original term less what was extended. */
function extensionMonthsLeft(loan: LoanAccount): number | null {
  const original = loan.contractVersions.find((v) => v.kind === 'original') ?? loan.contractVersions[0];
  if (original === undefined) return null;
  const used = loan.contractVersions.reduce((sum, v) => sum + (v.extensionMonths ?? 0), 0);
  return Math.max(0, calculateMaxExtensionMonths(original.termMonths) - used);
}

/**
 * 展期 / 续贷 dialog of the loan panel (issue 6 item 2): the months (added to the remaining term, or the new
 * loan's term from today), a new spread over the LPR and a new repayment method when they change, whether the
 * borrower is in financial difficulty (then a restructuring, graded at least 关注) and the reason. One
 * idempotency key per opening, kept across retries, so a double click or a retry writes one contract version;
 * the server's refusals appear under the field they concern (the art. 12 limit, a maturity past the pledged
 * IP's expiry, an out-of-range value), the others above the form.
 */
export function CaseLoanRestructuringModal(props: {
  kind: RestructuringKind;
  caseId: string;
  loan: LoanAccount;
  caseVersion: number | undefined;
  onClose: () => void;
  onReload: () => void;
  onDone: (loan: LoanAccount) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { kind, loan } = props;
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<RestructuringValues>();
  const [unplaced, setUnplaced] = useState<ProblemItem[] | null>(null);
  const mutation = useMutation({
    mutationFn: (request: RestructuringRequest) =>
      request.kind === 'extension'
        ? caseLoanApi.extend(props.caseId, request.body, idempotencyKey)
        : caseLoanApi.renew(props.caseId, request.body, idempotencyKey),
    onSuccess: (updated) => {
      void message.success(
        kind === 'extension'
          ? t('loanRestructuring.extended', {
              version: updated.contractVersion,
              maturity: updated.maturityDate,
            })
          : t('loanRestructuring.renewed', {
              version: updated.contractVersion,
              maturity: updated.maturityDate,
            }),
      );
      props.onDone(updated);
    },
    onError: (error) =>
      setUnplaced(
        isApiProblem(error)
          ? applyProblemsToForm(
              form as FormInstance,
              restructuringProblems(kind, {
                code: error.code,
                detail: error.detail,
                problems: error.problems,
              }),
              fieldNames,
            )
          : null,
      ),
  });
  const submit = (values: RestructuringValues) => {
    if (mutation.isPending) return;
    const request = buildRestructuringBody(kind, values, {
      spreadBps: loan.spreadBps,
      repaymentMethod: loan.repaymentMethod,
      caseVersion: props.caseVersion,
    });
    if (request !== null) mutation.mutate(request);
  };

  const error = mutation.error;
  // A coded refusal shown under its field needs no alert; a validation answer keeps its heading.
  const onFieldOnly =
    isApiProblem(error) &&
    error.problems.length === 0 &&
    restructuringProblems(kind, { code: error.code, detail: error.detail, problems: [] }).length > 0;
  const left = kind === 'extension' ? extensionMonthsLeft(loan) : null;
  const arrears = parseYuan(loan.payable.totalYuan) > 0n;
  const monthsField = kind === 'extension' ? 'extensionMonths' : 'termMonths';
  const formId = `loan-${kind}`;
  const title = kind === 'extension' ? t('loanRestructuring.extend') : t('loanRestructuring.renew');

  return (
    <Modal
      open
      title={title}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId }}
      confirmLoading={mutation.isPending}
      onCancel={props.onClose}
      destroyOnHidden
      width={600}
    >
      {mutation.isError && !onFieldOnly && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} size={4}>
          <ProblemAlert
            error={error}
            {...(unplaced === null ? {} : { problems: unplaced })}
            {...(isApiProblem(error, 409) ? { onRetry: props.onReload } : {})}
          />
          {isApiProblem(error) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="restructuring-error-code">
              {t('loan.errorCode')}: <Typography.Text code>{error.code}</Typography.Text>
            </Typography.Text>
          )}
        </Space>
      )}
      {arrears && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('loanRestructuring.arrearsWarning', { amount: formatMoney(loan.payable.totalYuan) })}
        />
      )}
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }} data-testid="restructuring-current">
        <Descriptions.Item label={t('loan.outstanding')}>
          {formatMoney(loan.outstandingPrincipalYuan)}
        </Descriptions.Item>
        <Descriptions.Item label={t('loan.maturityDate')}>{loan.maturityDate}</Descriptions.Item>
        <Descriptions.Item label={t('loan.annualRate')}>
          {t('loan.annualRateValue', {
            rate: loan.annualRatePct,
            tenor: loan.lprTenor,
            lpr: loan.lprRatePct,
            spread: loan.spreadBps,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('loan.method')}>
          {repaymentMethodLabel(loan.repaymentMethod, t)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        {kind === 'extension' ? t('loanRestructuring.extendHint') : t('loanRestructuring.renewHint')}
      </Typography.Paragraph>
      <Form<RestructuringValues>
        form={form}
        name={formId}
        layout="vertical"
        initialValues={{ repaymentMethod: loan.repaymentMethod, borrowerInDifficulty: false }}
        onFinish={submit}
      >
        <Form.Item
          name={monthsField}
          label={
            kind === 'extension' ? t('loanRestructuring.extensionMonths') : t('loanRestructuring.termMonths')
          }
          extra={left === null ? undefined : t('loanRestructuring.extensionMonthsLeft', { count: left })}
          rules={[
            { required: true, message: t('loanRestructuring.monthsRequired') },
            {
              validator: (_: unknown, value: number | null | undefined) =>
                left !== null && typeof value === 'number' && value > left
                  ? Promise.reject(new Error(t('loanRestructuring.extensionTooLong', { count: left })))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={360}
            precision={0}
            style={{ width: 200 }}
            suffix={t('loanRestructuring.monthsUnit')}
          />
        </Form.Item>
        <Form.Item
          name="spreadBps"
          label={t('loanRestructuring.spreadBps')}
          extra={t('loanRestructuring.spreadHint', { spread: loan.spreadBps })}
        >
          <InputNumber
            min={-1000}
            max={2000}
            precision={0}
            placeholder={String(loan.spreadBps)}
            style={{ width: 200 }}
            suffix={t('loanRestructuring.bpsUnit')}
          />
        </Form.Item>
        <Form.Item name="repaymentMethod" label={t('loanRestructuring.repaymentMethod')}>
          <Select
            style={{ width: 280 }}
            options={repaymentMethods.map((m) => ({ value: m, label: repaymentMethodLabel(m, t) }))}
          />
        </Form.Item>
        <Form.Item
          name="borrowerInDifficulty"
          label={t('loanRestructuring.borrowerInDifficulty')}
          valuePropName="checked"
          extra={t('loanRestructuring.borrowerInDifficultyHint')}
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="note"
          label={
            kind === 'extension' ? t('loanRestructuring.extendReason') : t('loanRestructuring.renewReason')
          }
          rules={[{ required: true, whitespace: true, message: t('loanRestructuring.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('loanRestructuring.idempotencyHint', { key: idempotencyKey })}
      </Typography.Text>
    </Modal>
  );
}
