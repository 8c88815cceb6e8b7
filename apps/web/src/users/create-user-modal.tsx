import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import type { CreateUserInput, Organisation, ProblemItem } from '../api/api-types.ts';
import { userApi } from '../api/user-api.ts';
import { OrganisationSelect } from '../common/organisation-select.tsx';
import { CreateModal } from '../common/create-modal.tsx';
import { applyProblemsToForm } from '../forms/apply-problems-to-form.ts';
import { RevalidateOnLanguageChange } from '../forms/revalidate-on-language-change.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel, rolesForOrganisationKind } from '../reference/reference-options.ts';

interface Values {
  login?: string;
  displayName?: string;
  password?: string;
  organisationId?: string;
  role?: string;
}

const fieldNames = ['login', 'displayName', 'password', 'organisationId', 'role'];

/**
 * 新建用户: login, display name, initial password, organisation and a role that organisation's kind allows.
 * The password policy is checked by the server; its message lands under the password field.
 */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [organisation, setOrganisation] = useState<Organisation | undefined>();
  const [unplaced, setUnplaced] = useState<ProblemItem[]>([]);
  const roleCodes = rolesForOrganisationKind(organisation?.kind);

  const create = useMutation({
    mutationFn: (input: CreateUserInput) => userApi.create(input),
    onSuccess: async (created) => {
      void message.success(t('users.created', { name: created.displayName }));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      close();
    },
    onError: (error) => {
      setUnplaced(isApiProblem(error) ? applyProblemsToForm(form, error.problems, fieldNames) : []);
    },
  });

  function close() {
    form.resetFields();
    create.reset();
    setUnplaced([]);
    setOrganisation(undefined);
    onClose();
  }

  const submit = (values: Values) => {
    if (!values.login || !values.displayName || !values.password || !values.organisationId || !values.role)
      return;
    create.mutate({
      login: values.login.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      organisationId: values.organisationId,
      role: values.role,
    });
  };

  return (
    <CreateModal
      open={open}
      title={t('users.createTitle')}
      pending={create.isPending}
      error={create.error}
      unplacedProblems={unplaced}
      onSubmit={() => form.submit()}
      onCancel={close}
    >
      <Form<Values>
        form={form}
        name="create-user"
        layout="vertical"
        onFinish={submit}
        preserve={false}
        autoComplete="off"
      >
        <RevalidateOnLanguageChange />
        <Form.Item
          name="login"
          label={t('users.login')}
          extra={t('users.loginHint')}
          rules={[{ required: true, whitespace: true, message: t('users.loginRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('users.displayNameRequired') },
            { max: 100, message: t('common.maxLength', { max: 100 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('users.passwordHint')}
          rules={[{ required: true, message: t('users.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t('users.organisation')}
          rules={[{ required: true, message: t('users.organisationRequired') }]}
        >
          <OrganisationSelect
            onSelectOrganisation={(selected) => {
              setOrganisation(selected);
              form.setFieldValue('role', undefined);
            }}
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          extra={organisation === undefined ? t('users.roleHint') : undefined}
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select<string>
            disabled={organisation === undefined}
            options={roleCodes.map((code) => ({
              value: code,
              label: referenceLabel('roles', code, language),
            }))}
            notFoundContent={t('users.noRoleForKind')}
          />
        </Form.Item>
      </Form>
    </CreateModal>
  );
}
