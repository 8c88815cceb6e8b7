import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import type { ProblemItem } from '../api/api-types.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { applyProblemsToForm } from '../forms/apply-problems-to-form.ts';
import { RevalidateOnLanguageChange } from '../forms/revalidate-on-language-change.tsx';
import { consentApi } from './consent-api.ts';
import { consentExpiryBounds } from './consent-expiry-bounds.ts';
import { ConsentBankSelect, type ConsentBank } from './consent-bank-select.tsx';
import { consentScopeLabel, grantableConsentScopes } from './consent-labels.ts';

type Scope = (typeof grantableConsentScopes)[number];

interface Values {
  recipientId?: string;
  scope?: Scope;
  purpose?: string;
  expiresOn?: Dayjs;
}

const fieldNames = ['recipientId', 'scope', 'purpose', 'expiresOn'];

/**
 * 新增授权 (issue 10 item 6, access.md "Consent"): the enterprise authorises a bank unit to use one scope of its
 * data for a purpose until a date (one year from today in Asia/Shanghai by default), after reading a confirmation that names the bank. A bank
 * may then, e.g., submit it for 反向评估. Field errors, the browser's and the server's, show under the fields.
 */
export function GrantConsentModal(props: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [bank, setBank] = useState<ConsentBank | undefined>(undefined);
  const [unplaced, setUnplaced] = useState<ProblemItem[]>([]);
  // The platform's day (Asia/Shanghai), taken once when the dialog opens.
  const [bounds] = useState(() => consentExpiryBounds());
  const scope = Form.useWatch('scope', form);
  const purpose = Form.useWatch('purpose', form);
  const expiresOn = Form.useWatch('expiresOn', form);

  const grant = useMutation({
    mutationFn: (v: Required<Values>) =>
      consentApi.grant({
        recipientId: v.recipientId,
        scope: v.scope,
        purpose: v.purpose.trim(),
        expiresOn: v.expiresOn.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      void message.success(t('consents.grant.done'));
      props.onDone();
    },
    onError: (error) => {
      setUnplaced(isApiProblem(error) ? applyProblemsToForm(form, error.problems, fieldNames) : []);
    },
  });

  const submit = (v: Values) => {
    if (v.recipientId === undefined || v.scope === undefined || v.purpose === undefined) return;
    if (v.expiresOn === undefined) return;
    setUnplaced([]);
    grant.mutate({ recipientId: v.recipientId, scope: v.scope, purpose: v.purpose, expiresOn: v.expiresOn });
  };

  const ready = bank !== undefined && scope !== undefined && expiresOn != null;
  return (
    <Modal
      open
      title={t('consents.grant.title')}
      okText={t('consents.grant.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={grant.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={560}
    >
      {grant.isError && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={grant.error} problems={unplaced} />
        </div>
      )}
      <Form<Values>
        form={form}
        name="grant-consent"
        layout="vertical"
        onFinish={submit}
        initialValues={{ expiresOn: dayjs(bounds.suggested) }}
      >
        <RevalidateOnLanguageChange />
        <Form.Item
          name="recipientId"
          label={t('consents.recipient')}
          rules={[{ required: true, message: t('consents.grant.recipientRequired') }]}
        >
          <ConsentBankSelect onPick={setBank} />
        </Form.Item>
        <Form.Item
          name="scope"
          label={t('consents.scope')}
          rules={[{ required: true, message: t('consents.grant.scopeRequired') }]}
        >
          <Select<Scope>
            placeholder={t('consents.grant.scopePlaceholder')}
            options={grantableConsentScopes.map((s) => ({ value: s, label: consentScopeLabel(s, t) }))}
          />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('consents.purpose')}
          rules={[
            { required: true, whitespace: true, message: t('consents.grant.purposeRequired') },
            { min: 2, message: t('consents.grant.purposeTooShort') },
            { max: 200, message: t('common.maxLength', { max: 200 }) },
          ]}
        >
          <Input placeholder={t('consents.grant.purposePlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('consents.expiresOn')}
          rules={[
            { required: true, message: t('consents.grant.expiresOnRequired') },
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value == null || value.format('YYYY-MM-DD') >= bounds.earliest
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('consents.grant.expiresOnPast'))),
            },
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') < bounds.earliest}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph
        {...(ready ? {} : { type: 'secondary' as const })}
        data-testid="grant-consent-confirmation"
      >
        {ready
          ? t('consents.grant.confirmation', {
              recipient: bank.name,
              scope: consentScopeLabel(scope, t),
              expiresOn: expiresOn.format('YYYY-MM-DD'),
              purpose: purpose?.trim() ?? '',
            })
          : t('consents.grant.confirmationPending')}
      </Typography.Paragraph>
    </Modal>
  );
}
