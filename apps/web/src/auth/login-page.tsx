import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiProblem } from '../api/api-problem.ts';
import { authApi } from '../api/auth-api.ts';
import type { AuthResponse, ProblemItem } from '../api/api-types.ts';
import { LanguageSwitch } from '../common/language-switch.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { applyProblemsToForm } from '../forms/apply-problems-to-form.ts';
import { RevalidateOnLanguageChange } from '../forms/revalidate-on-language-change.tsx';
import { sessionQueryKey, useSession } from '../session/use-session.ts';
import { EnrolmentQrCode } from './enrolment-qr-code.tsx';

type Step = 'credentials' | 'code' | 'enrol';

interface CredentialsValues {
  login: string;
  password: string;
}

interface CodeValues {
  code: string;
}

const codeRule = /^\d{6}$/;

/** Log-in: login and password, then the 6-digit one-time code, or first the authenticator enrolment. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [step, setStep] = useState<Step>('credentials');
  const [credentialsForm] = Form.useForm<CredentialsValues>();
  const [codeForm] = Form.useForm<CodeValues>();
  const [unplaced, setUnplaced] = useState<ProblemItem[]>([]);

  const from = (location.state as { from?: unknown } | null)?.from;
  const target = typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';

  const afterAuth = async (answer: AuthResponse) => {
    setUnplaced([]);
    if (answer.status === 'second_factor_required') {
      setStep('code');
      return;
    }
    if (answer.status === 'enrolment_required') {
      setStep('enrol');
      return;
    }
    await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    await navigate(target, { replace: true });
  };

  const login = useMutation({
    mutationFn: (values: CredentialsValues) => authApi.login(values),
    onSuccess: afterAuth,
    onError: (error) => {
      if (isApiProblem(error))
        setUnplaced(applyProblemsToForm(credentialsForm, error.problems, ['login', 'password']));
    },
  });

  const submitCode = useMutation({
    mutationFn: (values: CodeValues) =>
      step === 'enrol' ? authApi.completeEnrolment(values.code) : authApi.submitSecondFactor(values.code),
    onSuccess: afterAuth,
    onError: (error) => {
      // The code is wrong or expired: the alert says so; the field is emptied for the next code.
      codeForm.setFieldValue('code', '');
      setUnplaced(isApiProblem(error) ? error.problems : []);
    },
  });

  const enrolment = useQuery({
    queryKey: ['auth', 'enrolment'],
    queryFn: () => authApi.getEnrolment(),
    enabled: step === 'enrol',
    staleTime: Infinity,
    gcTime: 0,
  });

  if (session.data?.status === 'authenticated' && !login.isPending && !submitCode.isPending) {
    return <Navigate to={target} replace />;
  }

  const backToCredentials = () => {
    setStep('credentials');
    setUnplaced([]);
    login.reset();
    submitCode.reset();
    codeForm.resetFields();
  };

  const codeField = (
    <Form.Item
      name="code"
      label={t('login.code')}
      rules={[
        { required: true, message: t('login.codeRequired') },
        { pattern: codeRule, message: t('login.codeFormat') },
      ]}
    >
      <Input
        size="large"
        autoFocus
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="000000"
        prefix={<SafetyCertificateOutlined />}
        style={{ letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' }}
      />
    </Form.Item>
  );

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(135deg, #e6f0ff 0%, #f5f7fa 55%, #fff7e6 100%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '16px 24px' }}>
        <LanguageSwitch />
      </div>
      <div style={{ flex: 1, display: 'grid', placeItems: 'center', padding: '0 16px 64px' }}>
        <div style={{ width: '100%', maxWidth: 420 }}>
          <div style={{ textAlign: 'center', marginBottom: 24, marginInline: -80 }}>
            <Typography.Title level={2} style={{ marginBottom: 4, textWrap: 'balance' }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
          <Card>
            {step === 'credentials' && (
              <Form<CredentialsValues>
                form={credentialsForm}
                name="credentials"
                layout="vertical"
                requiredMark={false}
                onFinish={(values) => login.mutate(values)}
              >
                <RevalidateOnLanguageChange />
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {t('login.title')}
                </Typography.Title>
                {login.isError && (
                  <div style={{ marginBottom: 16 }}>
                    <ProblemAlert error={login.error} problems={unplaced} />
                  </div>
                )}
                <Form.Item
                  name="login"
                  label={t('login.login')}
                  rules={[{ required: true, message: t('login.loginRequired') }]}
                >
                  <Input size="large" autoFocus autoComplete="username" prefix={<UserOutlined />} />
                </Form.Item>
                <Form.Item
                  name="password"
                  label={t('login.password')}
                  rules={[{ required: true, message: t('login.passwordRequired') }]}
                >
                  <Input.Password size="large" autoComplete="current-password" prefix={<LockOutlined />} />
                </Form.Item>
                <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
                  {t('login.submit')}
                </Button>
              </Form>
            )}

            {(step === 'code' || step === 'enrol') && (
              // One form for both one-time-code steps: entering a code, or confirming a newly scanned one.
              <Form<CodeValues>
                form={codeForm}
                name="second-factor"
                layout="vertical"
                requiredMark={false}
                onFinish={(values) => submitCode.mutate(values)}
              >
                <RevalidateOnLanguageChange />
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {step === 'enrol' ? t('login.enrolTitle') : t('login.secondFactorTitle')}
                </Typography.Title>
                <Typography.Paragraph type="secondary">
                  {step === 'enrol' ? t('login.enrolHint') : t('login.secondFactorHint')}
                </Typography.Paragraph>
                {step === 'enrol' && enrolment.isPending && (
                  <div style={{ display: 'grid', placeItems: 'center', height: 200 }}>
                    <Spin />
                  </div>
                )}
                {step === 'enrol' && enrolment.isError && (
                  <div style={{ marginBottom: 16 }}>
                    <ProblemAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />
                  </div>
                )}
                {step === 'enrol' && enrolment.isSuccess && <EnrolmentQrCode enrolment={enrolment.data} />}
                {submitCode.isError && (
                  <div style={{ marginBottom: 16 }}>
                    <ProblemAlert error={submitCode.error} problems={unplaced} />
                  </div>
                )}
                {codeField}
                <Button type="primary" htmlType="submit" size="large" block loading={submitCode.isPending}>
                  {step === 'enrol' ? t('login.enrolSubmit') : t('login.verify')}
                </Button>
                <Button type="link" block onClick={backToCredentials} style={{ marginTop: 8 }}>
                  {t('login.back')}
                </Button>
              </Form>
            )}
          </Card>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
            {t('login.footer')}
          </Typography.Paragraph>
        </div>
      </div>
    </div>
  );
}
