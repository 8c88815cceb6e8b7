import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { whitelistPushApi, type RuleSet } from './whitelist-push-api.ts';

const GRADES = ['A', 'B', 'C', 'D'] as const;
type Grade = (typeof GRADES)[number];

interface RulesForm {
  effectiveFrom: dayjs.Dayjs;
  minGrade: Grade;
  minValidInventionPatents: number;
  minValuationScore: number;
  excludeOverdue: boolean;
  creditBands: { grade: Grade; minScore: number; low: number; high: number }[];
}

/** 白名单规则 (issue 10 item 4): the bureau's rule versions, the one in effect marked, and publishing a new one. */
export function WhitelistRulesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [publishing, setPublishing] = useState(false);
  const ruleSets = useQuery({
    queryKey: ['whitelist-rules'],
    queryFn: ({ signal }) => whitelistPushApi.ruleSets(signal),
  });
  return (
    <>
      <PageHeader
        title={t('whitelistPush.rulesTitle')}
        subtitle={t('whitelistPush.rulesSubtitle')}
        extra={
          <Button type="primary" onClick={() => setPublishing(true)}>
            {t('whitelistPush.publishRules')}
          </Button>
        }
      />
      {ruleSets.error && <ProblemAlert error={ruleSets.error} onRetry={() => void ruleSets.refetch()} />}
      <Table<RuleSet>
        rowKey="id"
        loading={ruleSets.isLoading}
        dataSource={ruleSets.data ?? []}
        locale={{ emptyText: t('whitelistPush.noRules') }}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('whitelistPush.version'),
            key: 'version',
            render: (_, r) => (
              <Space>
                {`v${r.version}`}
                {r.inEffect && <Tag color="green">{t('whitelistPush.inEffect')}</Tag>}
              </Space>
            ),
          },
          { title: t('whitelistPush.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'effectiveFrom' },
          { title: t('whitelistPush.minGrade'), key: 'minGrade', render: (_, r) => r.rules.minGrade },
          {
            title: t('whitelistPush.minInventionPatents'),
            key: 'patents',
            render: (_, r) => r.rules.minValidInventionPatents,
          },
          { title: t('whitelistPush.minScore'), key: 'score', render: (_, r) => r.rules.minValuationScore },
          {
            title: t('whitelistPush.excludeOverdue'),
            key: 'overdue',
            render: (_, r) => (r.rules.excludeOverdue ? t('whitelistPush.yes') : t('whitelistPush.no')),
          },
          {
            title: t('whitelistPush.creditBands'),
            key: 'bands',
            render: (_, r) =>
              r.rules.creditBands
                .map(
                  (b) => `${b.grade}≥${b.minScore}: ${b.bandWan[0]}–${b.bandWan[1]}${t('whitelistPush.wan')}`,
                )
                .join('；'),
          },
          {
            title: t('whitelistPush.publishedAt'),
            key: 'at',
            render: (_, r) => formatDateTime(r.publishedAt, language),
          },
        ]}
      />
      {publishing && <PublishRulesModal latest={ruleSets.data?.[0]} onClose={() => setPublishing(false)} />}
    </>
  );
}

function PublishRulesModal(props: { latest: RuleSet | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RulesForm>();
  const latest = props.latest?.rules;
  const initial: RulesForm = {
    effectiveFrom: dayjs(),
    minGrade: (latest?.minGrade as Grade | undefined) ?? 'C',
    minValidInventionPatents: latest?.minValidInventionPatents ?? 1,
    minValuationScore: latest?.minValuationScore ?? 60,
    excludeOverdue: latest?.excludeOverdue ?? true,
    creditBands: (
      latest?.creditBands ?? [
        { grade: 'A', minScore: 80, bandWan: [500, 1000] },
        { grade: 'A', minScore: 60, bandWan: [300, 600] },
        { grade: 'B', minScore: 60, bandWan: [200, 400] },
        { grade: 'C', minScore: 60, bandWan: [100, 200] },
      ]
    ).map((b) => ({
      grade: b.grade as Grade,
      minScore: b.minScore,
      low: b.bandWan[0]!,
      high: b.bandWan[1]!,
    })),
  };
  const mutation = useMutation({
    mutationFn: (values: RulesForm) =>
      whitelistPushApi.publishRules({
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        minGrade: values.minGrade,
        minValidInventionPatents: values.minValidInventionPatents,
        minValuationScore: values.minValuationScore,
        excludeOverdue: values.excludeOverdue,
        creditBands: values.creditBands.map((b) => ({
          grade: b.grade,
          minScore: b.minScore,
          bandWan: [b.low, b.high],
        })),
      }),
    onSuccess: () => {
      void message.success(t('whitelistPush.rulesPublished'));
      void queryClient.invalidateQueries({ queryKey: ['whitelist-rules'] });
      props.onClose();
    },
  });
  const gradeOptions = GRADES.map((g) => ({ value: g, label: g }));
  return (
    <Modal
      open
      width={720}
      title={t('whitelistPush.publishRules')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => void form.validateFields().then((values) => mutation.mutate(values))}
      onCancel={props.onClose}
    >
      {mutation.error && <ProblemAlert error={mutation.error} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space wrap>
          <Form.Item
            name="effectiveFrom"
            label={t('whitelistPush.effectiveFrom')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="minGrade" label={t('whitelistPush.minGrade')}>
            <Select options={gradeOptions} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="minValidInventionPatents" label={t('whitelistPush.minInventionPatents')}>
            <InputNumber min={0} max={1000} precision={0} />
          </Form.Item>
          <Form.Item name="minValuationScore" label={t('whitelistPush.minScore')}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="excludeOverdue" valuePropName="checked" label=" ">
            <Checkbox>{t('whitelistPush.excludeOverdue')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.List name="creditBands">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'grade']} label={t('whitelistPush.grade')}>
                    <Select options={gradeOptions} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minScore']} label={t('whitelistPush.minScore')}>
                    <InputNumber min={0} max={100} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'low']} label={t('whitelistPush.bandLowWan')}>
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'high']} label={t('whitelistPush.bandHighWan')}>
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('whitelistPush.remove')}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ grade: 'B', minScore: 60, low: 100, high: 200 })}>
                {t('whitelistPush.addBand')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
