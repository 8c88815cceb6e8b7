import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import type { CreateOrganisationInput, ProblemItem } from '../api/api-types.ts';
import { organisationApi } from '../api/organisation-api.ts';
import { OrganisationSelect } from '../common/organisation-select.tsx';
import { CreateModal } from '../common/create-modal.tsx';
import { applyProblemsToForm } from '../forms/apply-problems-to-form.ts';
import { RevalidateOnLanguageChange } from '../forms/revalidate-on-language-change.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceOptions } from '../reference/reference-options.ts';
import { bankLevelOptions } from './bank-level-label.ts';

interface Values {
  kind?: string;
  nameZh?: string;
  nameEn?: string;
  bankLevel?: string;
  parentId?: string;
  district?: string;
}

const fieldNames = ['kind', 'nameZh', 'nameEn', 'bankLevel', 'parentId', 'district'];
const kindsWithDistrict = ['district_bureau', 'enterprise'];

/** 新建机构: kind, both names, and for a bank unit its level and parent, for a district body its district. */
export function CreateOrganisationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<ProblemItem[]>([]);
  const kind = Form.useWatch('kind', form);
  const bankLevel = Form.useWatch('bankLevel', form);
  const needsParent = kind === 'bank' && bankLevel !== undefined && bankLevel !== 'head_office';

  const create = useMutation({
    mutationFn: (input: CreateOrganisationInput) => organisationApi.create(input),
    onSuccess: async (created) => {
      void message.success(
        t('organisations.created', { name: language === 'zh-CN' ? created.nameZh : created.nameEn }),
      );
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
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
    onClose();
  }

  const submit = (values: Values) => {
    if (values.kind === undefined || values.nameZh === undefined || values.nameEn === undefined) return;
    create.mutate({
      kind: values.kind,
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn.trim(),
      ...(values.kind === 'bank' && values.bankLevel ? { bankLevel: values.bankLevel } : {}),
      ...(needsParent && values.parentId ? { parentId: values.parentId } : {}),
      ...(kindsWithDistrict.includes(values.kind) && values.district ? { district: values.district } : {}),
    });
  };

  return (
    <CreateModal
      open={open}
      title={t('organisations.createTitle')}
      pending={create.isPending}
      error={create.error}
      unplacedProblems={unplaced}
      onSubmit={() => form.submit()}
      onCancel={close}
    >
      <Form<Values>
        form={form}
        name="create-organisation"
        layout="vertical"
        onFinish={submit}
        preserve={false}
      >
        <RevalidateOnLanguageChange />
        <Form.Item
          name="kind"
          label={t('organisations.kind')}
          rules={[{ required: true, message: t('organisations.kindRequired') }]}
        >
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            options={referenceOptions('organisationKinds', language)}
          />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('organisations.nameZh')}
          rules={[
            { required: true, whitespace: true, message: t('organisations.nameZhRequired') },
            { max: 100, message: t('common.maxLength', { max: 100 }) },
          ]}
        >
          <Input placeholder={t('organisations.nameZhPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('organisations.nameEn')}
          rules={[
            { required: true, whitespace: true, message: t('organisations.nameEnRequired') },
            { max: 200, message: t('common.maxLength', { max: 200 }) },
          ]}
        >
          <Input placeholder={t('organisations.nameEnPlaceholder')} />
        </Form.Item>
        {kind === 'bank' && (
          <Form.Item
            name="bankLevel"
            label={t('organisations.bankLevel')}
            rules={[{ required: true, message: t('organisations.bankLevelRequired') }]}
          >
            <Select<string> options={bankLevelOptions(t)} />
          </Form.Item>
        )}
        {needsParent && (
          <Form.Item
            name="parentId"
            label={t('organisations.parent')}
            extra={t('organisations.parentHint')}
            rules={[{ required: true, message: t('organisations.parentRequired') }]}
          >
            <OrganisationSelect kind="bank" />
          </Form.Item>
        )}
        {kind !== undefined && kindsWithDistrict.includes(kind) && (
          <Form.Item
            name="district"
            label={t('organisations.district')}
            rules={[{ required: true, message: t('organisations.districtRequired') }]}
          >
            <Select<string> options={referenceOptions('districts', language)} />
          </Form.Item>
        )}
      </Form>
    </CreateModal>
  );
}
